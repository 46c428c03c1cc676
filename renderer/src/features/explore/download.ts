/**
 * Saves text as a file through a temporary Blob link: a download in the browser host, the save
 * dialog in Electron. The byte-order mark lets spreadsheet programs read UTF-8 ("£", "€") right.
 */
export function downloadText(fileName: string, text: string, mime = 'text/csv;charset=utf-8'): void {
  const blob = new Blob(['\uFEFF', text], { type: mime });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not at once: the download may read the blob after this returns (Electron asks where to save first).
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Saves base64 bytes from main (an XLSX workbook) as a file, the same way as downloadText. */
export function downloadBase64(fileName: string, base64: string, mime: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
