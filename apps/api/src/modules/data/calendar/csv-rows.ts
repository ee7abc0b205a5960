/**
 * Splits CSV text into rows of cells (RFC 4180: quoted cells may hold commas, doubled quotes
 * and line breaks; a BOM and CRLF or CR line ends are accepted). Each row carries the 1-based
 * line it starts on. Returns an error message for an unterminated quote.
 */
export function csvRows(text: string): { rows: { line: number; cells: string[] }[] } | { error: string; line: number } {
  const src = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let quoteLine = 1;
  const endRow = () => {
    cells.push(cell);
    rows.push({ line: rowLine, cells });
    cells = [];
    cell = '';
  };
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n' || (c === '\r' && src[i + 1] !== '\n')) line++;
        cell += c;
      }
      continue;
    }
    if (c === '"') {
      quoted = true;
      quoteLine = line;
    } else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else cell += c;
  }
  if (quoted) return { error: 'a quoted cell is never closed', line: quoteLine };
  if (cell !== '' || cells.length > 0) endRow();
  return { rows };
}
