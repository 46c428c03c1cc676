import { z } from 'zod';
import { DIMENSION_IDS, MEASURE_IDS } from './fields';

export const DimensionIdSchema = z.enum(DIMENSION_IDS);
export const MeasureIdSchema = z.enum(MEASURE_IDS);

/** A dimension value; null is the "(none)" member (and, on event dimensions, a record's own row). */
export const MemberSchema = z.string().max(500).nullable();
export type Member = z.infer<typeof MemberSchema>;

export const PivotFilterSchema = z
  .object({
    dim: DimensionIdSchema,
    /** Fact rows whose value is one of these; several filters on different dimensions all apply. */
    values: z.array(MemberSchema).min(1).max(1000),
  })
  .strict();
export type PivotFilter = z.infer<typeof PivotFilterSchema>;

export const PivotSortSchema = z.discriminatedUnion('by', [
  /** Row groups by their own value (chronological for time dimensions); nulls last. */
  z.object({ by: z.literal('label'), direction: z.enum(['asc', 'desc']).default('asc') }).strict(),
  /**
   * Row groups, at every depth among their siblings, by one measure in one column (its path; the
   * grand-total column when omitted). Ties and empty cells fall back to the label order.
   */
  z
    .object({
      by: z.literal('value'),
      measure: MeasureIdSchema,
      colPath: z.array(MemberSchema).max(4).default([]),
      direction: z.enum(['asc', 'desc']).default('desc'),
    })
    .strict(),
]);
export type PivotSort = z.infer<typeof PivotSortSchema>;

export const MAX_ROW_DIMS = 4;
export const MAX_COL_DIMS = 3;

/** What a user builds on the Explore page: dimensions on rows and columns, measures as values, filters. */
export const PivotSpecSchema = z
  .object({
    rows: z.array(DimensionIdSchema).max(MAX_ROW_DIMS).default([]),
    cols: z.array(DimensionIdSchema).max(MAX_COL_DIMS).default([]),
    values: z.array(MeasureIdSchema).min(1).max(16),
    filters: z.array(PivotFilterSchema).max(24).default([]),
    sort: PivotSortSchema.optional(),
  })
  .strict()
  .superRefine((spec, ctx) => {
    const placed = [...spec.rows, ...spec.cols];
    const dupe = placed.find((d, i) => placed.indexOf(d) !== i);
    if (dupe) ctx.addIssue({ code: 'custom', path: ['rows'], message: `${dupe} is placed twice; a dimension goes on rows or columns once.` });
    const values = spec.values.find((m, i) => spec.values.indexOf(m) !== i);
    if (values) ctx.addIssue({ code: 'custom', path: ['values'], message: `${values} is listed twice.` });
    if (spec.sort?.by === 'value' && spec.sort.colPath.length > spec.cols.length) {
      ctx.addIssue({ code: 'custom', path: ['sort', 'colPath'], message: 'The sort column path is longer than the column dimensions.' });
    }
  });
export type PivotSpec = z.infer<typeof PivotSpecSchema>;
export type PivotSpecInput = z.input<typeof PivotSpecSchema>;
