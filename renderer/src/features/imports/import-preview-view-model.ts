import type { ImportPreview } from '../../../../shared/ipc/contract';
import { formatBytes, formatCount, formatDateTime } from '../../lib/format';
import { delimiterLabel, encodingLabel, fieldLabel, withArticle } from './import-labels';
import type { ImportFormat } from './read-as-model';

export const NOT_RECOGNISED = 'Not recognised — map its columns';

export type PreviewFact = { term: string; value: string };

export type PreviewModel = {
  /** For data-format: the format's id, or "unrecognised". */
  formatId: string;
  formatText: string;
  recognised: boolean;
  facts: PreviewFact[];
  /** The file looks like another known format than the one chosen. */
  looksLike: string | null;
  /** The preset it looks like, to read it as that with one click; null when it is not one of ours. */
  switchTo: ImportFormat | null;
  alreadyImported: string | null;
  problem: string | null;
  /** The file is not recognised but has columns: offer to map them. */
  offerMapping: boolean;
  columns: { key: string; label: string }[];
  rows: { line: number; cells: string[] }[];
  rejections: { line: number; reason: string }[];
  /** "2 of the first 50 rows cannot be read." */
  rejectionSummary: string | null;
  rowCount: string;
  /** Whether the file can be imported as shown (a format, no problem, some rows that can be read). */
  importable: boolean;
  /** Why a readable file still cannot be imported, for the footer. */
  blockedHint: string | null;
  /** Offer "Import the valid rows and keep a report of the rejected ones". */
  offerValidRows: boolean;
};

/**
 * An estimate said as one: two significant figures, so "about 1,000,000 rows" does not pretend to a
 * precision the sample does not have.
 */
export function roundEstimate(n: number): number {
  if (n < 100) return Math.round(n);
  const magnitude = 10 ** (Math.floor(Math.log10(n)) - 1);
  return Math.round(n / magnitude) * magnitude;
}

const rowsNoun = (n: number): string => `${formatCount(n)} ${n === 1 ? 'row' : 'rows'}`;

/** "1,204 rows", "1 row", "about 1,000,000 rows", "no data rows". */
export function rowCountText(estimatedRows: number, exact: boolean): string {
  if (estimatedRows <= 0) return exact ? 'no data rows' : 'no rows found yet';
  return exact ? rowsNoun(estimatedRows) : `about ${rowsNoun(roundEstimate(estimatedRows))}`;
}

/** "This looks like a GitHub billing usage report (CSV), not the chosen Run-credit event log (CSV)." */
export function looksLikeText(looksLike: string | null, chosen: string | null): string | null {
  if (looksLike === null) return null;
  return chosen === null ? `This looks like ${withArticle(looksLike)}.` : `This looks like ${withArticle(looksLike)}, not the chosen ${chosen}.`;
}

export function alreadyImportedText(already: ImportPreview['alreadyImported']): string | null {
  if (already === null) return null;
  return `This exact file was imported on ${formatDateTime(already.at)} (import ${already.importId}). Importing it again adds nothing: every row is skipped as already in the workspace.`;
}

export type PreviewContext = {
  /** The name the user knows: in the browser host the preview reads an uploaded copy whose name on disk carries a prefix. */
  fileName?: string;
  /** The label of the preset or saved mapping chosen under "Read as"; null when the format is recognised. */
  chosen?: string | null;
  /** The presets, to offer switching to the one the file looks like. */
  formats?: readonly ImportFormat[];
  /** The size of the file the user chose, which the preview's own figure should equal. */
  sizeBytes?: number;
};

export function previewModel(preview: ImportPreview, context: PreviewContext = {}): PreviewModel {
  const fileName = context.fileName ?? preview.fileName;
  const chosen = context.chosen ?? null;
  const recognised = preview.format !== null;
  const delimiter = delimiterLabel(preview.delimiter);
  const rowCount = rowCountText(preview.estimatedRows, preview.estimateExact);
  const knownEncoding = preview.encoding !== '' && preview.encoding.toLowerCase() !== 'unknown';
  const facts: PreviewFact[] = [
    { term: 'File', value: `${fileName} · ${formatBytes(context.sizeBytes ?? preview.sizeBytes)}` },
    ...(knownEncoding ? [{ term: 'Encoding', value: encodingLabel(preview.encoding) }] : []),
    ...(delimiter === null ? [] : [{ term: 'Delimiter', value: delimiter }]),
    // Rows are counted only for a format that can be read; for the others "no data rows" would mislead.
    ...(recognised ? [{ term: 'Rows', value: rowCount.charAt(0).toUpperCase() + rowCount.slice(1) }] : []),
  ];
  const sampled = preview.sampledRows;
  const rejected = preview.rejections.length;
  const rejectionSummary =
    rejected === 0
      ? null
      : preview.estimateExact && sampled >= preview.estimatedRows
        ? `${formatCount(rejected)} of ${rowsNoun(preview.estimatedRows)} cannot be read.`
        : `${formatCount(rejected)} of the first ${rowsNoun(sampled)} cannot be read.`;
  // Every row read for the preview was rejected: importing this way would add nothing.
  const noValidRows = preview.rows.length === 0 && rejected > 0;
  const importable = recognised && preview.problem === null && !noValidRows;
  // A chosen format the file does not fit: the warning says so, and offers the one it looks like.
  const misfit = !recognised && preview.looksLike !== null;
  // Columns were found, so a mapping can read the file; a binary or empty file has none to map.
  const offerMapping = !recognised && !misfit && preview.fileColumns.length > 0;
  // Messages name the file as stored; in the browser host that is an uploaded copy with a prefix.
  const problem = preview.problem === null ? null : preview.problem.split(preview.fileName).join(fileName);
  const switchTo = preview.looksLike === null ? null : (context.formats?.find((format) => format.label === preview.looksLike) ?? null);
  return {
    formatId: preview.format?.id ?? 'unrecognised',
    formatText: preview.format?.label ?? (chosen !== null ? `Not read — the file does not fit ${chosen}` : offerMapping ? NOT_RECOGNISED : 'Not recognised'),
    recognised,
    facts,
    looksLike: looksLikeText(preview.looksLike, preview.format?.label ?? chosen),
    switchTo,
    alreadyImported: alreadyImportedText(preview.alreadyImported),
    // "Not recognised" and "not the chosen format" are said by the offers that answer them.
    problem: offerMapping || misfit ? null : problem,
    offerMapping,
    columns: preview.columns.map((key) => ({ key, label: fieldLabel(key) })),
    rows: preview.rows.map((row) => ({ line: row.line, cells: preview.columns.map((key) => row.values[key] ?? '') })),
    rejections: preview.rejections,
    rejectionSummary,
    rowCount,
    importable,
    blockedHint: noValidRows ? 'None of these rows can be read this way: check how the file is read.' : null,
    offerValidRows: importable && rejected > 0,
  };
}

export type ImportActions = { canImport: boolean; offerValidRows: boolean; hint: string | null };

/**
 * Whether the Import buttons may be pressed: only for a preview that answers what is chosen now
 * (not one still on its way), of a file that can be read, with a complete mapping when one is edited.
 */
export function importActions(opts: { model: PreviewModel | null; current: boolean; mappingComplete: boolean; busy: boolean }): ImportActions {
  const { model, current, mappingComplete, busy } = opts;
  if (!mappingComplete) return { canImport: false, offerValidRows: false, hint: 'Complete the column mapping to import.' };
  if (model === null || !current) return { canImport: false, offerValidRows: false, hint: 'Waiting for the preview…' };
  if (model.problem !== null) return { canImport: false, offerValidRows: false, hint: null };
  if (!model.importable) return { canImport: false, offerValidRows: false, hint: model.blockedHint ?? 'Choose how to read the file, or map its columns.' };
  return { canImport: !busy, offerValidRows: model.offerValidRows, hint: model.offerValidRows ? 'Import adds all rows or none.' : null };
}
