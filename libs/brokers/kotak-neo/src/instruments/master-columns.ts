import { KotakNeoError } from '../errors/kotak-neo.error';
import type { CsvTable } from './csv-table';

/** A master file that cannot be trusted: the whole file is refused, never half-loaded. */
export function masterInvalid(file: string, detail: string): KotakNeoError {
  return new KotakNeoError('UNKNOWN', `Kotak scrip master ${file} is malformed: ${detail}`, { reason: 'MASTER_INVALID' });
}

/**
 * Column positions by name. Kotak's headers carry stray spaces and semicolons (`dTickSize `,
 * `dStrikePrice;`): names are compared trimmed and without a trailing `;`. Every name in
 * `required` must be present exactly once.
 */
export function columnsOf(file: string, table: CsvTable, required: readonly string[]): (row: readonly string[], name: string) => string {
  const index = new Map<string, number>();
  table.header.forEach((raw, i) => {
    const name = raw.trim().replace(/;+$/, '');
    if (index.has(name)) throw masterInvalid(file, `column ${name} appears twice`);
    index.set(name, i);
  });
  const missing = required.filter((n) => !index.has(n));
  if (missing.length > 0) throw masterInvalid(file, `missing column(s) ${missing.join(', ')}`);
  return (row, name) => {
    const i = index.get(name);
    return i === undefined ? '' : (row[i] ?? '').trim();
  };
}

/** A whole number from a master cell ('65', '65.0'). */
export function wholeOf(text: string): number | undefined {
  if (!/^-?\d+(\.0+)?$/.test(text)) return undefined;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** A decimal from a master cell. */
export function decimalOf(text: string): number | undefined {
  if (!/^-?\d+(\.\d+)?$/.test(text)) return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}
