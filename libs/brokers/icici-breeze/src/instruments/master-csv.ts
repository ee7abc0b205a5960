/** A master file that is not the comma-separated text ICICI publishes. */
export class MasterFormatError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'MasterFormatError';
  }
}

/** Header-addressed rows of one master file. */
export interface MasterTable {
  readonly file: string;
  /** Column index by name, lower-cased, quotes and spaces removed ('exchangecode'). */
  readonly columns: ReadonlyMap<string, number>;
  readonly rows: readonly (readonly string[])[];
  /** The 1-based line number of each row in the file. */
  readonly lineNumbers: readonly number[];
}

/**
 * Parses ICICI's master text: comma-separated, fields optionally double-quoted, the header
 * written `Token, "ShortName", "Series", …` (a space before each quoted name) or fully quoted.
 * Columns are found by name, never by position, so a layout change fails loudly instead of
 * shifting fields. `required` columns must exist.
 */
export function parseMasterTable(file: string, content: string, required: readonly string[]): MasterTable {
  const lines = content.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = splitCsvLine(lines[0] ?? '', file, 1);
  const columns = new Map<string, number>();
  header.forEach((name, i) => columns.set(columnKey(name), i));
  const missing = required.filter((name) => !columns.has(columnKey(name)));
  if (missing.length > 0) throw new MasterFormatError(file, `missing column(s) ${missing.join(', ')}`);
  const rows: string[][] = [];
  const lineNumbers: number[] = [];
  for (let i = 1; i < lines.length; i += 1) {
    if (lines[i].trim() === '') continue;
    const row = splitCsvLine(lines[i], file, i + 1);
    if (row.length < header.length) throw new MasterFormatError(file, `line ${i + 1} has ${row.length} fields, header has ${header.length}`);
    rows.push(row);
    lineNumbers.push(i + 1);
  }
  return { file, columns, rows, lineNumbers };
}

/** The value of `column` in `row` (trimmed). */
export function cell(table: MasterTable, row: readonly string[], column: string): string {
  const at = table.columns.get(columnKey(column));
  return at === undefined ? '' : (row[at] ?? '').trim();
}

function columnKey(name: string): string {
  return name.replace(/["\s]/g, '').toLowerCase();
}

function splitCsvLine(line: string, file: string, lineNo: number): string[] {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    while (line[i] === ' ') i += 1;
    if (line[i] === '"') {
      let value = '';
      i += 1;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q < 0) throw new MasterFormatError(file, `line ${lineNo} has an unclosed quote`);
        value += line.slice(i, q);
        if (line[q + 1] === '"') {
          value += '"';
          i = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      while (line[i] === ' ') i += 1;
      out.push(value);
      if (i >= line.length) return out;
      if (line[i] !== ',') throw new MasterFormatError(file, `line ${lineNo}: text after a closing quote`);
      i += 1;
    } else {
      const comma = line.indexOf(',', i);
      out.push(comma < 0 ? line.slice(i) : line.slice(i, comma));
      if (comma < 0) return out;
      i = comma + 1;
    }
  }
}
