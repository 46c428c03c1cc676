/**
 * "Payments maintenance (Q3)" → "payments-maintenance-q3": lower case ASCII letters, digits and
 * single hyphens, at most `max` characters; `fallback` when nothing is left (a name in another
 * script). Accents are dropped rather than the letter, so "Café" keeps its "e".
 */
export function fileSlug(text: string, fallback = 'export', max = 60): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, max)
    .replace(/^-+|-+$/g, '');
  return slug || fallback;
}

/** A local calendar date as "2026-11-22": the day the user saved the file on, not UTC's. */
export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export type ExportFileNameParts = {
  /** What the file is: "yardstick-worksheet", "yardstick-report", or a chart id. */
  kind: string;
  /** The pilot's name, or the workspace's when the export covers the whole workspace. */
  subject: string;
  /** "2026-11-22" (see localDay). */
  day: string;
  extension: 'xlsx' | 'pdf' | 'png' | 'svg' | 'csv';
};

/**
 * The file name an export suggests when it returns its bytes instead of writing a path:
 * "yardstick-worksheet-payments-maintenance-2026-11-22.xlsx". Only [\w.-], so every file system and
 * every browser's download attribute takes it unchanged.
 */
export function exportFileName(parts: ExportFileNameParts): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(parts.day) ? parts.day : 'undated';
  return `${fileSlug(parts.kind, 'yardstick')}-${fileSlug(parts.subject, 'workspace')}-${day}.${parts.extension}`;
}
