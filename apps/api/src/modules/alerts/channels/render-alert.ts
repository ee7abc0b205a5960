import { istDateTimeOf, type OutgoingAlert } from '@mcube/domain';
import type { Alert } from '../entities/alert.entity';
import { escapeHtml } from './telegram-alert.channel';

const MARK: Readonly<Record<Alert['severity'], string>> = { INFO: 'ℹ️', WARNING: '⚠️', CRITICAL: '🔴' };
/** Room left for the message body in a Telegram message (4096) after the header and footer. */
const BODY_MAX = 3500;

/** An alert as every channel sends it: HTML (Telegram, e-mail) and plain text (SMS, e-mail). Pure. */
export function renderAlert(alert: Pick<Alert, 'severity' | 'category' | 'title' | 'message' | 'occurredAt'>, accountName: string | null): OutgoingAlert {
  const { date, time } = istDateTimeOf(alert.occurredAt.getTime());
  const when = `${date} ${time.slice(0, 5)} IST`;
  const body = alert.message.length <= BODY_MAX ? alert.message : `${alert.message.slice(0, BODY_MAX - 1)}…`;
  const footer = [accountName, alert.category, when].filter((x): x is string => !!x).join(' · ');
  return {
    severity: alert.severity,
    title: alert.title,
    text: `${alert.title}\n${body}\n${footer}`,
    html: `${MARK[alert.severity]} <b>${alert.severity}</b> · <b>${escapeHtml(alert.title)}</b>\n${escapeHtml(body)}\n<i>${escapeHtml(footer)}</i>`,
  };
}
