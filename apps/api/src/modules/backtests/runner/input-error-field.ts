/**
 * The request field a backtest input error is about, from its message (the engine's errors
 * name the CLI flag: `--param engine.tickMinutes=0: …`, `--from 2010-01-01 is before …`):
 * `params.<key>`, `from`, `to`, or `params` for a strategy configuration that does not validate.
 */
export function fieldOfInputError(message: string): string {
  const param = /--param ([\w.]+)/.exec(message) ?? /unknown parameter '([\w.]+)'/.exec(message);
  if (param) return `params.${param[1]}`;
  if (/invalid kotak-strangle parameters/.test(message)) return 'params';
  if (/--to\b/.test(message)) return 'to';
  if (/--from\b/.test(message)) return 'from';
  return 'from';
}
