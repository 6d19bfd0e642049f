/**
 * CSV as spreadsheets read it (RFC 4180, CRLF line ends), safe to open: a cell a spreadsheet would take
 * for a formula (it starts with = + - @, a tab or a carriage return) is prefixed with an apostrophe, so
 * that an email address or a device name chosen by someone else can never run as one (OWASP's "CSV
 * injection"). Cells with a comma, a quote or a line break are quoted, quotes doubled.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  const defused = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(defused) ? `"${defused.replaceAll('"', '""')}"` : defused;
}

export function csvLine(cells: readonly (string | number | null)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** A download's name made only of letters, digits, dots and dashes, so no header can be bent by it. */
export function safeFilename(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9.-]+/g, '-').replace(/^[.-]+/, '').slice(0, 100);
  return cleaned || 'download';
}
