import type { ColumnMapping } from '../../../../shared/domain/column-mapping';
import { PRESET_IDS, type ChannelInput } from '../../../../shared/ipc/contract';

export type PresetId = (typeof PRESET_IDS)[number];
export type ImportFormat = { id: PresetId; label: string };

/**
 * How a file is to be read: recognised by the importer, as a chosen preset, with a saved column
 * mapping, or with a mapping being written now.
 */
export type ReadAs = { kind: 'auto' } | { kind: 'preset'; id: PresetId } | { kind: 'mapping'; name: string } | { kind: 'new-mapping' };

export const AUTO: ReadAs = { kind: 'auto' };

/** The <select> value for a choice; the inverse of parseReadAs. */
export function readAsValue(readAs: ReadAs): string {
  switch (readAs.kind) {
    case 'auto':
      return 'auto';
    case 'preset':
      return `preset:${readAs.id}`;
    case 'mapping':
      return `mapping:${readAs.name}`;
    case 'new-mapping':
      return 'new';
  }
}

const isPresetId = (value: string): value is PresetId => (PRESET_IDS as readonly string[]).includes(value);

export function parseReadAs(value: string): ReadAs {
  if (value === 'new') return { kind: 'new-mapping' };
  if (value.startsWith('preset:')) {
    const id = value.slice('preset:'.length);
    return isPresetId(id) ? { kind: 'preset', id } : AUTO;
  }
  if (value.startsWith('mapping:')) return { kind: 'mapping', name: value.slice('mapping:'.length) };
  return AUTO;
}

/** How the chosen way of reading is named in messages; null when the format is to be recognised. */
export function readAsLabel(readAs: ReadAs, formats: readonly ImportFormat[]): string | null {
  if (readAs.kind === 'preset') return formats.find((format) => format.id === readAs.id)?.label ?? readAs.id;
  if (readAs.kind === 'mapping') return `the column mapping “${readAs.name}”`;
  if (readAs.kind === 'new-mapping') return 'the new column mapping';
  return null;
}

export type ReadAsGroup = { label: string | null; options: { value: string; label: string }[] };

/** The "Read as" choices: recognise, each preset, each saved mapping, then a new mapping. */
export function readAsGroups(formats: ImportFormat[], mappings: Pick<ColumnMapping, 'name'>[]): ReadAsGroup[] {
  const groups: ReadAsGroup[] = [{ label: null, options: [{ value: 'auto', label: 'Recognise the format' }] }];
  if (formats.length > 0) groups.push({ label: 'Formats', options: formats.map((format) => ({ value: readAsValue({ kind: 'preset', id: format.id }), label: format.label })) });
  if (mappings.length > 0) {
    const sorted = [...mappings].sort((a, b) => a.name.localeCompare(b.name));
    groups.push({ label: 'Saved column mappings', options: sorted.map((mapping) => ({ value: readAsValue({ kind: 'mapping', name: mapping.name }), label: mapping.name })) });
  }
  groups.push({ label: null, options: [{ value: 'new', label: 'New column mapping…' }] });
  return groups;
}

type ReadAsInput = Pick<ChannelInput<'imports:preview'>, 'preset' | 'mapping' | 'mappingName'>;

/**
 * What imports:preview and imports:run are told about the format. A mapping open in the editor is
 * sent inline (it may hold unsaved edits); null when the editor's mapping cannot be read yet, so
 * there is nothing new to ask.
 */
export function readAsInput(readAs: ReadAs, editorMapping: ColumnMapping | null, editorOpen: boolean): ReadAsInput | null {
  if (editorOpen || readAs.kind === 'new-mapping') return editorMapping === null ? null : { mapping: editorMapping };
  if (readAs.kind === 'preset') return { preset: readAs.id };
  if (readAs.kind === 'mapping') return { mappingName: readAs.name };
  return {};
}

/**
 * Identifies a request, so a preview is fetched again only when something that changes the answer
 * changed. Keys are sorted: two mappings with the same content give the same key.
 */
export function requestKey(path: string, input: ReadAsInput): string {
  return JSON.stringify({ path, ...input }, (_key, value: unknown) =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : value,
  );
}
