import type { BrokerCode } from '../entities/broker-account.entity';

/**
 * The credential fields each broker needs (BROKERS.md): Kotak Neo logs in with consumer key,
 * UCC, mobile, TOTP secret and MPIN; ICICI Breeze signs with API key + secret (its session
 * token is obtained daily and is not stored here).
 */
export const BROKER_CREDENTIAL_FIELDS: Readonly<Record<BrokerCode, readonly string[]>> = {
  KOTAK: ['consumerKey', 'ucc', 'mobileNumber', 'totpSecret', 'mpin'],
  ICICI: ['apiKey', 'apiSecret'],
};
