import type { ColumnMapping } from '../../shared/domain/column-mapping';
import { AppError } from '../../shared/ipc/result';
import type { OpenedFile } from './file-source';
import type { ParsedRow, Preset } from './preset';
import { detectPreset, presetById } from './presets';
import { mappingPreset } from './mapping/mapping-preset';
import { mappedXlsxRows } from './mapping/xlsx-mapped';

/** How one file will be read: its format, where rows come from, and how they are written. */
export type Reader = {
  id: string;
  label: string;
  /** Another known format the file looks like, when it differs from the chosen one. */
  looksLike: string | null;
  preset: Preset<unknown>;
  rows(onBytes: (chunk: Buffer) => void, signal?: AbortSignal): AsyncIterable<ParsedRow<unknown>>;
};

/**
 * Picks the reader: a column mapping when given (CSV or XLSX), else the chosen preset, else the
 * preset recognised from the file's first bytes. A file that looks like another known format than
 * the chosen preset is refused with the name of the format it looks like.
 */
export function resolveReader(file: OpenedFile, opts: { preset?: string | undefined; mapping?: ColumnMapping | undefined }): Reader {
  const detected = file.kind === 'text' ? detectPreset(file.head) : undefined;
  if (opts.mapping) {
    const preset = mappingPreset(opts.mapping) as Preset<unknown>;
    const mapping = opts.mapping;
    if (file.kind === 'xlsx') {
      if (!file.path) throw new AppError('INVALID_INPUT', 'An XLSX workbook is read from a file on disk.');
      const path = file.path;
      return {
        id: `mapping:${mapping.name}`,
        label: preset.label,
        looksLike: null,
        preset,
        rows: (onBytes, signal) => {
          // exceljs streams the workbook itself; progress is reported from the whole size when done.
          const rows = mappedXlsxRows(path, mapping, signal ? { signal } : {}) as AsyncIterable<ParsedRow<unknown>>;
          return (async function* () {
            for await (const row of rows) yield row;
            onBytes(Buffer.alloc(file.size));
          })();
        },
      };
    }
    return { id: `mapping:${mapping.name}`, label: preset.label, looksLike: detected?.label ?? null, preset, rows: (onBytes) => preset.rows(file.text(onBytes)) };
  }
  if (file.kind === 'xlsx') throw new AppError('INVALID_INPUT', `${file.name} is an Excel workbook; choose or create a column mapping to read it.`);
  const chosen = opts.preset ? presetById(opts.preset) : detected;
  if (opts.preset && !chosen) throw new AppError('INVALID_INPUT', `Unknown format "${opts.preset}".`);
  if (!chosen) throw new AppError('INVALID_INPUT', `${file.name}: the format is not recognised. Choose a format or map its columns.`);
  if (opts.preset && detected && detected.id !== chosen.id) {
    throw new AppError('INVALID_INPUT', `${file.name} looks like a ${detected.label}, not the chosen ${chosen.label}.`);
  }
  return { id: chosen.id, label: chosen.label, looksLike: null, preset: chosen, rows: (onBytes) => chosen.rows(file.text(onBytes)) };
}
