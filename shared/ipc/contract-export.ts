import { z } from 'zod';
import { CHART_IDS } from '../domain/charts/ids';
import { ScenarioNameSchema } from '../domain/scenario/schema';

const PilotName = z.string().trim().min(1).max(80);
/**
 * Where to write: an absolute path the user chose (the CLI's --out). Left out, the file comes back
 * as bytes instead (the app's Export menus): see ExportedFile.
 */
const OutPath = z.string().min(1).max(4096).optional();

/**
 * The most an export returns as bytes: the answer crosses IPC or the browser host's HTTP as one
 * base64 string (a third larger again) held whole in memory on both sides. Larger files need a path.
 */
export const MAX_RETURNED_EXPORT_BYTES = 64 * 1024 * 1024;

/**
 * What every file export answers besides its own figures: where the file went, or the file itself.
 * With a path: `path` and its last part as `fileName`, no `base64`. Without one: `path` null, the
 * bytes as `base64` and a suggested `fileName` of only [\w.-], e.g. "yardstick-report-payments-maintenance-2026-11-22.pdf".
 */
export const ExportedFileSchema = z.object({
  path: z.string().nullable(),
  fileName: z.string(),
  base64: z.string().optional(),
  bytes: z.number().int(),
});
export type ExportedFile = z.infer<typeof ExportedFileSchema>;

export const ChartExportInputSchema = z
  .object({
    chart: z.enum(CHART_IDS),
    /** The pilot whose data the chart shows; required by pilot-monthly, the workspace's data otherwise. */
    pilot: PilotName.optional(),
    /** A saved scenario by name for the scenario charts; left out, the scenario calibrated on the pilot's (or workspace's) records. */
    scenario: ScenarioNameSchema.optional(),
    format: z.enum(['svg', 'png']),
    path: OutPath,
    /** PNG pixels per CSS pixel: 2 for slides. Ignored for SVG. */
    scale: z.number().min(1).max(4).default(2),
    /** The chart's size in CSS pixels; each chart has a 16:9 default. */
    width: z.number().int().min(320).max(4000).optional(),
    height: z.number().int().min(200).max(4000).optional(),
  })
  .strict();

export const ChartExportResultSchema = ExportedFileSchema.extend({
  /** Pixels for PNG (the CSS size × scale), CSS pixels for SVG. */
  width: z.number().int(),
  height: z.number().int(),
});

export const ReportExportInputSchema = z
  .object({
    /** The pilot to report on; left out, the whole workspace. */
    pilot: PilotName.optional(),
    paper: z.enum(['a4', 'letter']).default('a4'),
    path: OutPath,
  })
  .strict();

export const ReportExportResultSchema = ExportedFileSchema.extend({ pages: z.number().int() });

export const EXPORT_CONTRACT = {
  /**
   * Writes one key chart as SVG (echarts server-side rendering) or PNG (that SVG rasterised at
   * `scale`), with its title and a footnote of the data's period and source. It takes tens of milliseconds, so it reports no progress.
   * Without `path`, answers the image as `base64` with a suggested "<chart>-<pilot or workspace>-<yyyy-mm-dd>.png|svg"
   * (see ExportedFileSchema); nothing is left on disk.
   */
  'export:chart': { input: ChartExportInputSchema, output: ChartExportResultSchema },
  /**
   * Writes the PDF report of a pilot (or the workspace): headline figures, key charts, the scenario
   * comparison, decisions and sources, on A4 or Letter, printed by Chromium. Reports job:progress.
   * Without `path` (the app's Export menu), answers the PDF as `base64` with a suggested
   * "yardstick-report-<pilot or workspace>-<yyyy-mm-dd>.pdf"; the temp file is removed before it returns,
   * also when the export fails or is cancelled. More than MAX_RETURNED_EXPORT_BYTES is refused (INVALID_INPUT).
   */
  'export:report': { input: ReportExportInputSchema, output: ReportExportResultSchema },
} as const;
