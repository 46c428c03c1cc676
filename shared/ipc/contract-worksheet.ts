import { z } from 'zod';
import { ScenarioNameSchema } from '../domain/scenario/schema';
import { ExportedFileSchema } from './contract-export';

const PilotName = z.string().trim().min(1).max(80);

/**
 * Where to save: an absolute path ending in .xlsx, in a folder that exists. The handler checks all
 * three against the file system and answers INVALID_INPUT; the schema stays a plain string, like
 * the other export channels' paths. Left out, the workbook comes back as bytes (see the entry).
 */
const XlsxPath = z.string().min(1).max(4096);

export const WorksheetExportInputSchema = z
  .object({
    /** The pilot whose records, scope and decisions the workbook carries; left out, the whole workspace. */
    pilot: PilotName.optional(),
    /** A saved scenario by name; left out, one calibrated on the pilot's (or workspace's) records as scenarios:calibrate does. */
    scenario: ScenarioNameSchema.optional(),
    path: XlsxPath.optional(),
  })
  .strict();

/** Where the workbook went or the workbook itself (ExportedFileSchema), and what it holds. */
export const WorksheetExportResultSchema = ExportedFileSchema.extend({
  /** Sheet names in workbook order. */
  sheets: z.array(z.string()),
  /** Records on the Cost lines sheet. */
  records: z.number().int(),
});
export type WorksheetExportResult = z.infer<typeof WorksheetExportResultSchema>;

export const WORKSHEET_CONTRACT = {
  /**
   * Writes the pilot cost worksheet (XLSX): Summary, Assumptions as named ranges, the Scenario as
   * live formulas that mirror the engine, Cost lines (one row per record, with links), Decisions and
   * Sources; formulas carry the app's numbers as cached results. Replaces an existing file only once
   * the new one is complete. Reports job:progress; stops, writing nothing, when the call's signal aborts.
   * Without `path` (the app's Export menu) it writes to a private temp folder, removed before the
   * call returns, and answers the bytes as `base64` with a suggested `fileName`
   * ("yardstick-worksheet-<pilot or workspace>-<yyyy-mm-dd>.xlsx"); more than 64 MB is refused
   * (INVALID_INPUT, see MAX_RETURNED_EXPORT_BYTES).
   */
  'export:worksheet': { input: WorksheetExportInputSchema, output: WorksheetExportResultSchema },
} as const;
