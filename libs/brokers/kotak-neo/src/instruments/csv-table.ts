/** A CSV file as a header and rows of fields, with the line number of each row (1-based, header = 1). */
export interface CsvTable {
  readonly header: readonly string[];
  readonly rows: readonly { readonly line: number; readonly fields: readonly string[] }[];
}

/**
 * Splits CSV text (RFC 4180: `"` quoting with `""` escapes, CRLF or LF, a BOM tolerated).
 * Blank lines are skipped. Throws a `SyntaxError` naming the line for an unterminated quote.
 */
export function parseCsv(text: string): CsvTable {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  const endRecord = (): void => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else field += ch;
  }
  if (quoted) throw new SyntaxError(`unterminated quote starting on line ${recordLine}`);
  if (field !== '' || fields.length > 0) endRecord();
  const [head, ...rows] = records;
  return { header: head ? head.fields : [], rows };
}
