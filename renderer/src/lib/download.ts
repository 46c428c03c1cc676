import { exportFileName, fileSlug as slug, localDay } from '../../../shared/domain/export-file-name';

/**
 * Saves a Blob as a file through a temporary link: a download in the browser host, the save dialog
 * in Electron. The URL is revoked later, not at once: Electron asks where to save before it reads.
 */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Saves text (CSV by default). The byte-order mark lets spreadsheet programs read UTF-8 ("£", "€") right. */
export function downloadText(fileName: string, text: string, mime = 'text/csv;charset=utf-8'): void {
  downloadBlob(fileName, new Blob(['\uFEFF', text], { type: mime }));
}

/**
 * Saves a table's CSV as "<kind>-<subject>-<today>.csv" ("yardstick-reconciliation-northwind-logistics-2026-12-06.csv"),
 * the name every CSV export of the app follows.
 */
export function downloadCsv(kind: string, subject: string, text: string): void {
  downloadText(exportFileName({ kind, subject, day: localDay(new Date()), extension: 'csv' }), text);
}

/** Saves base64 bytes from main (a workbook, a PDF, an image) as a file. */
export function downloadBase64(fileName: string, base64: string, mime: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  downloadBlob(fileName, new Blob([bytes], { type: mime }));
}

/** "Cost per accepted PR/MR by month" → "cost-per-accepted-pr-mr-by-month"; "chart" when nothing is left. */
export const fileSlug = (text: string): string => slug(text, 'chart', 80);
