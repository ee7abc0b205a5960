import type { AlertChannelsConfig } from '../../../config/app-config';
import { REDACTED } from '../../../common/logging/redaction';

/**
 * Removes every configured channel secret (bot token, Twilio auth token, the SMTP URL and its
 * password) from a text before it is logged or stored: a network error's message can carry the
 * request URL, and Telegram's URL holds the bot token.
 */
export class SecretScrubber {
  private readonly secrets: string[];

  constructor(config: AlertChannelsConfig) {
    const smtpPassword = config.email ? passwordOf(config.email.smtpUrl) : null;
    this.secrets = [config.telegram?.botToken, config.sms?.authToken, config.email?.smtpUrl, smtpPassword]
      .filter((s): s is string => typeof s === 'string' && s.length >= 4)
      // Longest first, so the SMTP URL is replaced whole before its password inside it.
      .sort((a, b) => b.length - a.length);
  }

  /** `text` with every secret replaced by [REDACTED]. */
  scrub(text: string): string {
    let out = text;
    for (const s of this.secrets) out = out.split(s).join(REDACTED);
    for (const s of this.secrets) out = out.split(encodeURIComponent(s)).join(REDACTED);
    return out;
  }
}

function passwordOf(url: string): string | null {
  try {
    const p = new URL(url).password;
    return p ? decodeURIComponent(p) : null;
  } catch {
    return null;
  }
}
