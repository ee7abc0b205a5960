import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';

/** One message the sink accepted. */
export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

/** What the next RCPT TO answers: an SMTP error with its response code. */
export type SmtpFault = { responseCode: number; message: string };

/**
 * A real SMTP server (`smtp-server`) in the test process: AUTH PLAIN/LOGIN against one user,
 * no TLS (loopback), every accepted message kept raw; faults make RCPT TO answer 4xx/5xx.
 */
export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  readonly faults: SmtpFault[] = [];
  private readonly server: SMTPServer;
  port = 0;

  constructor(
    readonly user: string,
    readonly password: string,
  ) {
    this.server = new SMTPServer({
      authMethods: ['PLAIN', 'LOGIN'],
      allowInsecureAuth: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onAuth: (auth, _session, cb) => (auth.username === this.user && auth.password === this.password ? cb(null, { user: auth.username }) : cb(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }))),
      onRcptTo: (_addr: SMTPServerAddress, _session, cb) => {
        const fault = this.faults.shift();
        return fault ? cb(Object.assign(new Error(fault.message), { responseCode: fault.responseCode })) : cb();
      },
      onData: (stream, session, cb) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const envelope = session.envelope;
          this.received.push({ from: envelope.mailFrom ? envelope.mailFrom.address : '', to: envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
          cb();
        });
      },
    });
  }

  /** smtp://user:pass@127.0.0.1:port (SMTP_URL). */
  get url(): string {
    return `smtp://${encodeURIComponent(this.user)}:${encodeURIComponent(this.password)}@127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', () => resolve()));
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  async waitFor(predicate: () => boolean, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error(`SMTP sink: timed out; received ${this.received.length}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }
}
