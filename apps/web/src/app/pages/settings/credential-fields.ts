/** How a broker credential field is labelled and checked (mirrors the API's PutCredentialsDto). */
export interface CredentialFieldRule {
  label: string;
  pattern: RegExp;
  message: string;
}

const TOKEN = /^[\x21-\x7e]{1,256}$/;
const TOKEN_MESSAGE = '1-256 printable characters without spaces';

/** The rule of every known credential field. */
export const CREDENTIAL_FIELD_RULES: Readonly<Record<string, CredentialFieldRule>> = {
  consumerKey: { label: 'Consumer key', pattern: TOKEN, message: TOKEN_MESSAGE },
  ucc: { label: 'UCC (client code)', pattern: /^[A-Za-z0-9]{1,20}$/, message: '1-20 letters or digits' },
  mobileNumber: { label: 'Registered mobile', pattern: /^\+91\d{10}$/, message: '+91 followed by 10 digits' },
  totpSecret: { label: 'TOTP secret', pattern: /^[A-Za-z2-7]{16,128}=*$/, message: 'a base32 secret (16-128 characters A-Z, 2-7)' },
  mpin: { label: 'MPIN', pattern: /^\d{4,6}$/, message: '4-6 digits' },
  apiKey: { label: 'API key', pattern: TOKEN, message: TOKEN_MESSAGE },
  apiSecret: { label: 'API secret', pattern: TOKEN, message: TOKEN_MESSAGE },
};

/** The rule of a field, with a permissive fallback for a field this console does not know yet. */
export function credentialRule(field: string): CredentialFieldRule {
  return CREDENTIAL_FIELD_RULES[field] ?? { label: field, pattern: TOKEN, message: TOKEN_MESSAGE };
}
