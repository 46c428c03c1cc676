/** A parsed cell or why it cannot be read. Reasons never repeat the value: the caller names it. */
export type CellResult<T> = { ok: true; value: T } | { ok: false; reason: string };

export const ok = <T>(value: T): CellResult<T> => ({ ok: true, value });
export const fail = <T>(reason: string): CellResult<T> => ({ ok: false, reason });

/**
 * Why a cell that is not data at all cannot be read: a formula never calculated (written by a
 * script, so no result was saved) or a spreadsheet error such as #N/A or #DIV/0!. Null otherwise.
 */
export function notAValue(text: string): string | null {
  if (text.startsWith('=')) return 'a formula with no saved result (open the workbook in a spreadsheet program and save it)';
  if (/^#[A-Z0-9/]+[!?]?$/i.test(text)) return 'a spreadsheet error, not a value';
  return null;
}
