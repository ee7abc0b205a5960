import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import type { OutgoingAlert } from '@mcube/domain';
import type { TradingStateCode } from '@mcube/contracts';
import { DataSource } from 'typeorm';
import { AppException } from '../../common/errors/app-exception';
import { roleAtLeast, type Principal, type Role } from '../../common/request-context/principal';
import { runAsPrincipal } from '../../common/request-context/request-context';
import { accountNames, activeAccountsOf, namesOfAccounts } from '../accounts/account-reads';
import { AccountSummaryService } from '../analytics/account-summary/account-summary.service';
import { AuditService } from '../core/audit/audit.service';
import { latestOrders } from '../orders/order-reads';
import { activePositions } from '../positions/position-reads';
import { KillSwitchService } from '../risk/kill-switch/kill-switch.service';
import { escapeHtml } from '../alerts/channels/telegram-alert.channel';
import { APPROVALS_PORT, type ApprovalsPort } from '../strategies/approvals/approvals.port';
import { approvalView, HELP_TEXT, ordersView, pnlView, positionsView, statusView } from './bot-read-views';
import type { BotReply } from './bot-reply';
import { ICICI_SESSION_PORT, type IciciSessionPort } from './icici-session.port';
import { TelegramChatsService } from './telegram-chats.service';

/** What came in from Telegram: a text (command) or a button press. */
export type BotInput = { kind: 'text'; chatId: string; text: string; updateId: number; messageId?: number } | { kind: 'button'; chatId: string; data: string; messageId: number; updateId: number };

/** What the bot does in answer: a reply, an edit of the pressed message, a short toast, a photo. */
export interface BotOutcome {
  reply?: BotReply;
  edit?: BotReply;
  toast?: string;
  report?: OutgoingAlert;
  /** Delete the person's own message (it carried a secret: the ICICI session key). */
  deleteIncoming?: boolean;
}

/** Where /report gets the latest daily report (the analytics module's digest). */
export interface ReportSource {
  latestReport(): Promise<OutgoingAlert | null>;
}

/** DI token of the ReportSource. */
export const REPORT_SOURCE = Symbol('mcube:report-source');

const STATE_COMMANDS: Record<string, { state: TradingStateCode; role: Role; label: string }> = {
  kill: { state: 'HALTED', role: 'trader', label: 'HALT every account (nothing but cancels goes out)' },
  reduce: { state: 'REDUCING', role: 'trader', label: 'set every account to REDUCING (only orders that reduce a position)' },
  resume: { state: 'ACTIVE', role: 'admin', label: 'set every account back to ACTIVE' },
};
const CONFIRM_TTL_MS = 2 * 60_000;
const REASON = /^[\w .,:;()'/-]{3,200}$/;
/** The ICICI API session key as the console takes it: letters and digits. */
const SESSION_KEY = /^[A-Za-z0-9]{4,64}$/;

/**
 * The bot's commands, through the same services and guards as REST: the chat must be on the
 * allow-list and its user active; the user's role applies (a viewer reads only; /kill,
 * /reduce, /approve, /reject need trader; /resume admin); the kill switch changes go through
 * `KillSwitchService` after a confirmation button; decisions through the approvals port.
 * Every command and every refusal is audited, as the chat's user (refusals as system).
 */
@Injectable()
export class TelegramCommandsService {
  /** Confirmations waiting for their button (a restart forgets them: the person sends the command again). */
  private readonly confirmations = new Map<string, { chatId: string; command: string; reason: string; expiresAtMs: number }>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly chats: TelegramChatsService,
    private readonly audit: AuditService,
    private readonly summaries: AccountSummaryService,
    private readonly killSwitch: KillSwitchService,
    @Inject(APPROVALS_PORT) private readonly approvals: ApprovalsPort,
    @Inject(REPORT_SOURCE) private readonly reports: ReportSource,
    /** The ICICI day session (absent: /icici says it is not available here). */
    @Optional() @Inject(ICICI_SESSION_PORT) private readonly iciciSessions?: IciciSessionPort,
  ) {}

  /** Handles one update; never throws (errors become a polite answer). */
  async handle(input: BotInput): Promise<BotOutcome> {
    // "/icici <key>" carries a secret: it is never audited, and its message is deleted whatever the answer.
    const carriesKey = input.kind === 'text' && /^\/icici(@\S+)?\s+\S/i.test(input.text.trim());
    const outcome = await this.handleInput(input, carriesKey);
    return carriesKey ? { ...outcome, deleteIncoming: true } : outcome;
  }

  private async handleInput(input: BotInput, carriesKey: boolean): Promise<BotOutcome> {
    const principal = await this.chats.principalOf(input.chatId);
    if (!principal) {
      const said = carriesKey ? '/icici [session key withheld]' : (input.kind === 'text' ? input.text : input.data).slice(0, 60);
      await this.audit.record({ action: 'telegram.refused', entity: 'telegram_chat', entityId: input.chatId, newValue: { input: said } });
      const reply = { html: `Sorry, this chat is not allowed to use mCube. An admin can add chat id <code>${escapeHtml(input.chatId)}</code> on the console's Alerts page.` };
      return input.kind === 'text' ? { reply } : { toast: 'This chat is not allowed to use mCube.' };
    }
    return runAsPrincipal(principal, `telegram-${input.updateId}`, async () => {
      try {
        return input.kind === 'text' ? await this.command(principal, input.chatId, input.text) : await this.button(principal, input.chatId, input.data);
      } catch (err) {
        const message = err instanceof AppException ? err.message : 'something went wrong; see the server log';
        if (!(err instanceof AppException)) throw err;
        return input.kind === 'text' ? { reply: { html: `⛔ ${escapeHtml(message)}` } } : { toast: message.slice(0, 190) };
      }
    });
  }

  private async command(p: Principal, chatId: string, text: string): Promise<BotOutcome> {
    const [head, ...rest] = text.trim().split(/\s+/);
    const command = head.replace(/^\//, '').replace(/@.*$/, '').toLowerCase();
    const args = rest.join(' ');
    // /icici carries the day's session key: never into the audit (the session service audits the outcome).
    const audited = command === 'icici' && args !== '' ? '[session key withheld]' : args.slice(0, 200);
    await this.audit.record({ action: 'telegram.command', entity: 'telegram_chat', entityId: chatId, newValue: { command, args: audited } });
    switch (command) {
      case 'start':
      case 'help':
        return { reply: { html: HELP_TEXT } };
      case 'status':
        return { reply: { html: statusView(await this.summaries.list()) } };
      case 'pnl':
        return { reply: { html: pnlView(await this.summaries.list()) } };
      case 'positions':
        return { reply: { html: await this.positions() } };
      case 'orders':
        return { reply: { html: await this.orders() } };
      case 'approvals':
        return this.pendingApprovals();
      case 'approve':
        this.require(p, 'trader', '/approve');
        return { reply: { html: await this.decide(p, rest[0], 'approve', '') } };
      case 'reject':
        this.require(p, 'trader', '/reject');
        return { reply: { html: await this.decide(p, rest[0], 'reject', rest.slice(1).join(' ')) } };
      case 'kill':
      case 'reduce':
      case 'resume':
        return this.askConfirmation(p, chatId, command, command === 'kill' ? args : `${command} via Telegram`);
      case 'icici':
        return this.iciciSession(p, rest);
      case 'report': {
        const report = await this.reports.latestReport();
        return report ? { report } : { reply: { html: 'No daily report yet.' } };
      }
      default:
        return { reply: { html: `Unknown command. ${HELP_TEXT}` } };
    }
  }

  private async button(p: Principal, chatId: string, data: string): Promise<BotOutcome> {
    const [action, id] = data.split(':');
    await this.audit.record({ action: 'telegram.button', entity: 'telegram_chat', entityId: chatId, newValue: { action, id } });
    if (action === 'approve' || action === 'reject') {
      this.require(p, 'trader', action === 'approve' ? 'Approve' : 'Reject');
      const html = await this.decide(p, id, action, action === 'reject' ? 'rejected from Telegram' : '');
      return { toast: html.replace(/<[^>]+>/g, '').slice(0, 190) };
    }
    const pending = this.confirmations.get(id ?? '');
    if (action === 'cancel' && pending) {
      this.confirmations.delete(id);
      return { edit: { html: 'Cancelled: nothing changed.' }, toast: 'Cancelled' };
    }
    if (action !== 'confirm') throw new AppException('VALIDATION_FAILED', 'unknown button');
    if (!pending || pending.chatId !== chatId || pending.expiresAtMs < Date.now()) return { edit: { html: 'This confirmation expired: send the command again.' }, toast: 'Expired' };
    this.confirmations.delete(id);
    const spec = STATE_COMMANDS[pending.command];
    this.require(p, spec.role, `/${pending.command}`);
    const changed = await this.killSwitch.set(spec.state, pending.reason);
    const names = await this.accountNames(changed.map((c) => c.id));
    return { edit: { html: `✅ ${spec.state} on ${escapeHtml(names.join(', ') || 'no account')} (by ${escapeHtml(p.username)}: ${escapeHtml(pending.reason)})` }, toast: spec.state };
  }

  private askConfirmation(p: Principal, chatId: string, command: string, reason: string): BotOutcome {
    const spec = STATE_COMMANDS[command];
    this.require(p, spec.role, `/${command}`);
    if (!REASON.test(reason)) return { reply: { html: `Give a reason of 3-200 plain characters: /${command} &lt;reason&gt;` } };
    const nonce = randomBytes(6).toString('hex');
    this.confirmations.set(nonce, { chatId, command, reason, expiresAtMs: Date.now() + CONFIRM_TTL_MS });
    return {
      reply: {
        html: `Confirm: ${spec.label}?\nReason: ${escapeHtml(reason)}`,
        buttons: [[{ text: `Confirm ${spec.state}`, data: `confirm:${nonce}` }, { text: 'Cancel', data: `cancel:${nonce}` }]],
      },
    };
  }

  private async decide(p: Principal, id: string | undefined, action: 'approve' | 'reject', reason: string): Promise<string> {
    if (!id || !/^[\w.-]{1,40}$/.test(id)) return `Say which: /${action} &lt;id&gt;${action === 'reject' ? ' &lt;reason&gt;' : ''}`;
    if (action === 'reject' && !REASON.test(reason)) return 'Give a reason of 3-200 plain characters: /reject &lt;id&gt; &lt;reason&gt;';
    const d = action === 'approve' ? await this.approvals.approve(id, p) : await this.approvals.reject(id, p, reason);
    return `${d.state === 'APPROVED' ? '✅' : '❌'} ${escapeHtml(d.id)} ${d.state.toLowerCase()} by ${escapeHtml(d.by ?? p.username)}`;
  }

  private async pendingApprovals(): Promise<BotOutcome> {
    const pending = await this.approvals.listPending();
    if (pending.length === 0) return { reply: { html: 'No approval pending.' } };
    return {
      reply: {
        html: pending.map(approvalView).join('\n\n'),
        buttons: pending.map((a) => [{ text: `Approve ${a.id}`, data: `approve:${a.id}` }, { text: `Reject ${a.id}`, data: `reject:${a.id}` }]),
      },
    };
  }

  /**
   * `/icici`: each active ICICI account's day session, with the login link for a trader.
   * `/icici <key>` (or `/icici <account id> <key>` when there are several ICICI accounts): a
   * trader enters the day's key, exchanged and stored by the same service as the console's form;
   * the message carrying the key is deleted from the chat whatever the outcome.
   */
  private async iciciSession(p: Principal, args: readonly string[]): Promise<BotOutcome> {
    const withKey = args.length > 0;
    // `handle` deletes the message of a "/icici <key>" whatever the answer.
    const done = (html: string): BotOutcome => ({ reply: { html } });
    if (!this.iciciSessions) return done('The ICICI day session is not available in this process.');
    const accounts = await activeAccountsOf(this.dataSource, 'ICICI');
    if (accounts.length === 0) return done('No active ICICI account.');
    if (!withKey) {
      const lines: string[] = [];
      for (const a of accounts) {
        const s = await this.iciciSessions.status(a.id);
        const state = s.hasSessionToday ? `✅ session of ${s.today} entered (${escapeHtml(s.session ?? '')})` : `⚠️ no session key for ${s.today}`;
        const link = s.loginUrl && roleAtLeast(p.role, 'trader') ? `\n<a href="${escapeHtml(s.loginUrl)}">ICICI login page</a>: log in, then send /icici ${accounts.length > 1 ? `${a.id} ` : ''}&lt;key&gt;` : s.problem ? `\n${escapeHtml(s.problem)}` : '';
        lines.push(`<b>${escapeHtml(a.name)}</b> (#${a.id}): ${state}${link}`);
      }
      return done(lines.join('\n\n'));
    }
    this.require(p, 'trader', '/icici <key>');
    const [first, second] = args;
    const account = args.length === 2 ? accounts.find((a) => String(a.id) === first) : accounts.length === 1 ? accounts[0] : undefined;
    if (args.length > 2 || (args.length === 2 && !account)) return done(`Send /icici &lt;key&gt;${accounts.length > 1 ? ' or /icici &lt;account id&gt; &lt;key&gt;' : ''}: accounts ${accounts.map((a) => `#${a.id}`).join(', ')}.`);
    if (!account) return done(`There are several ICICI accounts: send /icici &lt;account id&gt; &lt;key&gt; (${accounts.map((a) => `#${a.id} ${escapeHtml(a.name)}`).join(', ')}).`);
    const key = args.length === 2 ? second : first;
    if (!SESSION_KEY.test(key)) return done('The session key is the letters and digits ICICI shows after login.');
    const s = await this.iciciSessions.enter(account.id, key);
    return done(`✅ ICICI day session of ${s.today} stored for <b>${escapeHtml(account.name)}</b> (${escapeHtml(s.session ?? '')}); your message with the key was deleted.`);
  }

  private require(p: Principal, role: Role, what: string): void {
    if (!roleAtLeast(p.role, role)) throw new AppException('FORBIDDEN', `${what} needs the ${role} role or above; you are ${p.role}`);
  }

  private async positions(): Promise<string> {
    const open = await activePositions(this.dataSource);
    const names = await accountNames(this.dataSource);
    return positionsView(open.map((x) => ({ id: x.id, accountName: names.get(x.accountId) ?? `#${x.accountId}`, underlying: x.underlying, expiryDate: x.expiryDate, direction: x.direction, callStrike: x.callStrike, putStrike: x.putStrike, quantity: x.quantity, pnlPaise: x.realizedPnlPaise + x.unrealizedPnlPaise })));
  }

  private async orders(): Promise<string> {
    const latest = await latestOrders(this.dataSource, 10);
    return ordersView(latest.map((o) => ({ id: o.id, side: o.side, quantity: o.quantity, filledQuantity: o.filledQuantity, tradingSymbol: o.tradingSymbol, status: o.status, purpose: o.purpose, createdAtMs: o.createdAt.getTime() })));
  }

  private async accountNames(ids: number[]): Promise<string[]> {
    return namesOfAccounts(this.dataSource, ids);
  }
}
