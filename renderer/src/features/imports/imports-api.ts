import type { ColumnMapping } from '../../../../shared/domain/column-mapping';
import type { ChannelInput, ImportPreview, ImportView } from '../../../../shared/ipc/contract';
import { invoke } from '../../lib/ipc';
import type { ImportFormat } from './read-as-model';

export type PreviewInput = ChannelInput<'imports:preview'>;
export type RunInput = ChannelInput<'imports:run'>;
export type Rejection = { line: number; reason: string; raw: string | null };

export const fetchFormats = (): Promise<ImportFormat[]> => invoke('imports:formats', {});

/** Reads the start of the file as it would be imported; writes nothing. */
export const previewImport = (input: PreviewInput): Promise<ImportPreview> => invoke('imports:preview', input);

/** Starts an import in the background; import:progress events follow for the job. */
export const runImport = (input: RunInput): Promise<{ jobId: string }> => invoke('imports:run', input);

export const cancelImport = (jobId: string): Promise<{ cancelled: boolean }> => invoke('imports:cancel', { jobId });

export const fetchImports = (): Promise<ImportView[]> => invoke('imports:list', {});

export const fetchRejections = (importId: number): Promise<Rejection[]> => invoke('imports:rejections', { importId });

/** Removes exactly the rows the import added. */
export const undoImport = (importId: number): Promise<{ rowsRemoved: number }> => invoke('imports:undo', { importId });

export const fetchMappings = (): Promise<ColumnMapping[]> => invoke('mappings:list', {});

export const saveMapping = (mapping: ColumnMapping): Promise<ColumnMapping> => invoke('mappings:save', mapping);
