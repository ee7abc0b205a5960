import { epochMsOfIst } from '@mcube/domain';

const MONTHS: Readonly<Record<string, string>> = {
  jan: '01', feb: '02', mar: '03', apr: '04', may: '05', jun: '06', jul: '07', aug: '08', sep: '09', oct: '10', nov: '11', dec: '12',
};

function safeIst(date: string, time: string): number | undefined {
  try {
    return epochMsOfIst(date, time);
  } catch {
    return undefined;
  }
}

/** '22-Jan-2025' (+ optional ' 14:28:01', spaces inside the time tolerated) in IST → epoch ms. */
export function epochMsOfNeoDayMonth(text: string, time?: string): number | undefined {
  const m = /^(\d{1,2})-([A-Za-z]{3})-(\d{4})(?:\s+(\d{1,2})\s*:\s*(\d{2})\s*:\s*(\d{2}))?$/.exec(text.trim());
  const month = m ? MONTHS[m[2].toLowerCase()] : undefined;
  if (!m || !month) return undefined;
  const hms = m[4] !== undefined ? `${m[4].padStart(2, '0')}:${m[5]}:${m[6]}` : time;
  if (hms === undefined || !/^\d{2}:\d{2}:\d{2}$/.test(hms)) return undefined;
  return safeIst(`${m[3]}-${month}-${m[1].padStart(2, '0')}`, hms);
}

/** '2025/01/22 14:28:01' in IST → epoch ms. */
export function epochMsOfNeoSlashed(text: string): number | undefined {
  const m = /^(\d{4})\/(\d{2})\/(\d{2}) (\d{2}:\d{2}:\d{2})$/.exec(text.trim());
  return m ? safeIst(`${m[1]}-${m[2]}-${m[3]}`, m[4]) : undefined;
}

/** `updRecvTm`, nanoseconds since the Unix epoch (precision beyond the ms is lost in JSON anyway). */
export function epochMsOfNanos(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isFinite(n) || n <= 0) return undefined;
  const ms = Math.floor(n / 1e6);
  return ms > 946_684_800_000 ? ms : undefined;
}
