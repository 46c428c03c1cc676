import { createResource } from '../../lib/resource-store';
import { fetchFormats, fetchImports, fetchMappings } from './imports-api';

/** The formats the importer recognises, for "Read as" and for naming formats in the history. */
export const formatsResource = createResource(fetchFormats);

/** Saved column mappings. */
export const mappingsResource = createResource(fetchMappings);

/** Every import with its counts and state; reloaded on data changes and when an import ends. */
export const importHistoryResource = createResource(fetchImports);
