// A gold row's date as the ISO date the annotator anchors relative dates to. Gold sets write dates their own way
// (PETRARCH's unit tests YYYYMMDD, TABARI-era files YYMMDD, newer ones YYYY-MM-DD) and sometimes leave them out; a
// date that cannot be read is dropped, never a reason to stop the run. Pure.

const FORMATS: readonly { pattern: RegExp; century: boolean }[] = [
  { pattern: /^(\d{4})(\d{2})(\d{2})$/, century: true }, // YYYYMMDD
  { pattern: /^(\d{4})-(\d{2})-(\d{2})$/, century: true }, // YYYY-MM-DD
  { pattern: /^(\d{2})(\d{2})(\d{2})$/, century: false }, // YYMMDD
];

/**
 * The date as YYYY-MM-DD, or null when there is none or it cannot be read: not a string, empty, another format, or
 * no such day (20010230). A two-digit year follows POSIX strptime's %y: 69–99 are 1969–1999, 00–68 are 2000–2068.
 * Surrounding white space is ignored.
 */
export function parseGoldDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  for (const { pattern, century } of FORMATS) {
    const m = pattern.exec(text);
    if (m === null) continue;
    const [, y, mo, d] = m as unknown as [string, string, string, string];
    const year = century ? Number(y) : Number(y) + (Number(y) >= 69 ? 1900 : 2000);
    const month = Number(mo);
    const day = Number(d);
    if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
    return `${String(year).padStart(4, '0')}-${mo}-${d}`;
  }
  return null;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
