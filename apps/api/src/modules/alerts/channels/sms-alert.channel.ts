import { AlertChannelError, type AlertChannel, type AlertReceipt, type OutgoingAlert } from '@mcube/domain';
import twilio from 'twilio';
import type { SecretScrubber } from './secret-scrubber';

/** One SMS segment set: alerts stay short (title first), never more than 3 segments. */
const SMS_MAX = 450;

/** The request options twilio's RequestClient takes (the part used here). */
interface TwilioRequestOpts {
  uri: string;
  [k: string]: unknown;
}

/**
 * twilio's own HTTP client with two additions: requests go to `baseUrl` when one is set
 * (Twilio's documented custom-client hook; regional edges, tests), and the last response's
 * `Retry-After` is kept, since twilio's RestException does not carry headers.
 */
class BaseUrlRequestClient {
  private readonly inner: InstanceType<typeof twilio.RequestClient>;
  retryAfterMs: number | undefined;

  constructor(
    private readonly baseUrl: string | undefined,
    timeoutMs: number,
  ) {
    this.inner = new twilio.RequestClient({ timeout: timeoutMs });
  }

  async request(opts: TwilioRequestOpts): Promise<unknown> {
    const uri = this.baseUrl ? rebase(opts.uri, this.baseUrl) : opts.uri;
    const res = (await this.inner.request({ ...opts, uri } as never)) as { statusCode: number; headers?: Record<string, unknown> };
    const after = Number(res.headers?.['retry-after']);
    this.retryAfterMs = res.statusCode === 429 && Number.isFinite(after) && after > 0 ? after * 1000 : undefined;
    return res;
  }
}

function rebase(uri: string, baseUrl: string): string {
  const u = new URL(uri);
  return `${baseUrl}${u.pathname}${u.search}`;
}

/**
 * CRITICAL alerts as SMS through the twilio client (Messages API), one message per number.
 * 429 → RATE_LIMITED (with Retry-After when given); 401/403 → AUTH_EXPIRED; other 4xx
 * (bad number) → REJECTED; 5xx, network, timeout → TEMPORARY.
 */
export class SmsAlertChannel implements AlertChannel {
  readonly name = 'SMS' as const;

  constructor(
    private readonly opts: { accountSid: string; authToken: string; from: string; to: readonly string[]; baseUrl?: string; timeoutMs: number },
    private readonly scrubber: SecretScrubber,
  ) {}

  async recipients(): Promise<readonly string[]> {
    return this.opts.to;
  }

  async send(to: string, message: OutgoingAlert): Promise<AlertReceipt> {
    // A client per send: its recording HTTP client then belongs to this one call.
    const http = new BaseUrlRequestClient(this.opts.baseUrl, this.opts.timeoutMs);
    const client = twilio(this.opts.accountSid, this.opts.authToken, { httpClient: http as never, autoRetry: false });
    const body = `mCube ${message.severity}: ${message.title}\n${message.text}`;
    const sender = this.opts.from.startsWith('MG') ? { messagingServiceSid: this.opts.from } : { from: this.opts.from };
    try {
      const sent = await client.messages.create({ to, body: body.length <= SMS_MAX ? body : `${body.slice(0, SMS_MAX - 1)}…`, ...sender });
      return { providerMessageId: sent.sid ?? null };
    } catch (err) {
      throw this.errorOf(err as { status?: number; code?: number | string; message?: string }, http.retryAfterMs);
    }
  }

  private errorOf(err: { status?: number; code?: number | string; message?: string }, retryAfterMs: number | undefined): AlertChannelError {
    const status = typeof err.status === 'number' ? err.status : undefined;
    const text = this.scrubber.scrub(`Twilio: ${status ?? err.code ?? ''} ${err.message ?? String(err)}`.trim());
    if (status === 429) return new AlertChannelError('RATE_LIMITED', text, retryAfterMs);
    if (status === 401 || status === 403) return new AlertChannelError('AUTH_EXPIRED', text);
    if (status !== undefined && status >= 400 && status < 500) return new AlertChannelError('REJECTED', text);
    if (status === undefined && /timeout/i.test(err.message ?? '')) return new AlertChannelError('TEMPORARY', `Twilio: no answer within ${this.opts.timeoutMs} ms`);
    return new AlertChannelError('TEMPORARY', text);
  }
}
