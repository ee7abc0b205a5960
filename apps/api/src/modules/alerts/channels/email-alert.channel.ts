import { AlertChannelError, type AlertChannel, type AlertReceipt, type OutgoingAlert } from '@mcube/domain';
import { createTransport, type Transporter } from 'nodemailer';
import type { SecretScrubber } from './secret-scrubber';

/** The SMTP error fields nodemailer sets. */
interface SmtpError {
  code?: string;
  responseCode?: number;
  message?: string;
}

/**
 * Alerts as e-mail over SMTP (nodemailer): one message to the configured list, HTML plus a
 * plain-text part, attachments (the report's chart). SMTP 4xx and connection failures are
 * TEMPORARY; 535/EAUTH is AUTH_EXPIRED; other 5xx REJECTED.
 */
export class EmailAlertChannel implements AlertChannel {
  readonly name = 'EMAIL' as const;
  private readonly transport: Transporter;

  constructor(
    private readonly opts: { smtpUrl: string; from: string; to: readonly string[]; timeoutMs: number },
    private readonly scrubber: SecretScrubber,
  ) {
    this.transport = createTransport({ url: opts.smtpUrl, connectionTimeout: opts.timeoutMs, greetingTimeout: opts.timeoutMs, socketTimeout: opts.timeoutMs } as never);
  }

  /** One recipient: the whole list, in one message. */
  async recipients(): Promise<readonly string[]> {
    return [this.opts.to.join(', ')];
  }

  async send(to: string, message: OutgoingAlert): Promise<AlertReceipt> {
    try {
      const info = (await this.transport.sendMail({
        from: this.opts.from,
        to,
        subject: `[mCube ${message.severity}] ${message.title}`,
        text: message.text,
        html: `<!doctype html><html><body style="font-family:sans-serif">${message.html.replace(/\n/g, '<br>')}</body></html>`,
        attachments: (message.attachments ?? []).map((a) => ({ filename: a.filename, contentType: a.contentType, content: Buffer.from(a.content) })),
      })) as { messageId?: string };
      return { providerMessageId: info.messageId ? info.messageId.slice(0, 120) : null };
    } catch (err) {
      throw this.errorOf(err as SmtpError);
    }
  }

  /** Closes pooled connections (shutdown). */
  close(): void {
    this.transport.close();
  }

  private errorOf(err: SmtpError): AlertChannelError {
    const text = this.scrubber.scrub(`SMTP: ${err.responseCode ?? err.code ?? ''} ${err.message ?? String(err)}`.trim());
    if (err.code === 'EAUTH' || err.responseCode === 535 || err.responseCode === 534) return new AlertChannelError('AUTH_EXPIRED', text);
    if (err.responseCode !== undefined && err.responseCode >= 500) return new AlertChannelError('REJECTED', text);
    if (err.code === 'EENVELOPE' && err.responseCode === undefined) return new AlertChannelError('REJECTED', text);
    return new AlertChannelError('TEMPORARY', text);
  }
}
