import { z } from 'zod';
import { CHART_IDS } from '../domain/charts/ids';
import { ScenarioNameSchema } from '../domain/scenario/schema';

const PilotName = z.string().trim().min(1).max(80);
/** Where to write: an absolute path the user chose (Electron's save dialog, the CLI's --out). */
const OutPath = z.string().min(1).max(4096);

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

export const ChartExportResultSchema = z.object({
  path: z.string(),
  bytes: z.number().int(),
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

export const ReportExportResultSchema = z.object({ path: z.string(), bytes: z.number().int(), pages: z.number().int() });

export const EXPORT_CONTRACT = {
  /**
   * Writes one key chart as SVG (echarts server-side rendering) or PNG (that SVG rasterised at
   * `scale`), with its title and a footnote of the data's period and source. Reports job:progress.
   */
  'export:chart': { input: ChartExportInputSchema, output: ChartExportResultSchema },
  /**
   * Writes the PDF report of a pilot (or the workspace): headline figures, key charts, the scenario
   * comparison, decisions and sources, on A4 or Letter, printed by Chromium. Reports job:progress.
   */
  'export:report': { input: ReportExportInputSchema, output: ReportExportResultSchema },
} as const;
