import { z } from 'zod';
import { DimensionFieldSchema, MeasureFieldSchema, PivotResultSchema } from '../domain/pivot/result';
import { DimensionIdSchema, MAX_COL_DIMS, MAX_ROW_DIMS, MemberSchema, PivotFilterSchema, PivotSpecSchema } from '../domain/pivot/spec';

export const PivotFieldsSchema = z.object({
  /** Every dimension the workspace offers (person only with person-level views enabled). */
  dimensions: z.array(DimensionFieldSchema),
  /** Every measure: metrics (sum, ratio, derived), sums of additive measures, counts, distinct records. */
  measures: z.array(MeasureFieldSchema),
  currency: z.string(),
});
export type PivotFields = z.infer<typeof PivotFieldsSchema>;

export const PivotRunInputSchema = z
  .object({
    spec: PivotSpecSchema,
    /**
     * Any id the caller picks, echoed in the result. A newer request supersedes an older one: the
     * client keeps the id of its latest request and drops any result carrying another. Queries run
     * synchronously in main and are short (cubes), so nothing needs interrupting there.
     */
    requestId: z.string().min(1).max(100).optional(),
  })
  .strict();

export const PivotDrillInputSchema = z
  .object({
    rows: z.array(DimensionIdSchema).max(MAX_ROW_DIMS).default([]),
    cols: z.array(DimensionIdSchema).max(MAX_COL_DIMS).default([]),
    filters: z.array(PivotFilterSchema).max(24).default([]),
    /** The cell's row path and column path as the pivot returned them; shorter paths are subtotals, [] totals. */
    rowPath: z.array(MemberSchema).max(MAX_ROW_DIMS).default([]),
    colPath: z.array(MemberSchema).max(MAX_COL_DIMS).default([]),
    /** records:list takes at most 100,000 ids. */
    limit: z.number().int().min(1).max(100_000).default(100_000),
  })
  .strict()
  .superRefine((d, ctx) => {
    if (d.rowPath.length > d.rows.length) ctx.addIssue({ code: 'custom', path: ['rowPath'], message: 'The row path is longer than the row dimensions.' });
    if (d.colPath.length > d.cols.length) ctx.addIssue({ code: 'custom', path: ['colPath'], message: 'The column path is longer than the column dimensions.' });
  });

export const PivotDrillSchema = z.object({
  /** Record ids behind the cell, ascending: pass them to records:list as `ids`. */
  ids: z.array(z.number().int()),
  total: z.number().int(),
  truncated: z.boolean(),
});

const ViewName = z.string().trim().min(1).max(80);

export const PivotViewSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  /** Null when the stored spec no longer validates (see problem). */
  spec: PivotSpecSchema.nullable(),
  problem: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PivotView = z.infer<typeof PivotViewSchema>;

export const PIVOT_CONTRACT = {
  /** Dimensions and measures with their kind, label and format; a ratio names its numerator and denominator. */
  'pivot:fields': { input: z.object({}).strict(), output: PivotFieldsSchema },
  /**
   * A pivot: column keys (with their paths), row groups with depth and subtotals, the grand total,
   * and every cell per column × measure; ratios are ratios of sums at every level. The members of a
   * dimension (for a filter list) are a pivot with that dimension on rows and `records` as value.
   */
  'pivot:run': { input: PivotRunInputSchema, output: PivotResultSchema },
  /** The records behind one cell (drill-through), for records:list `ids`. */
  'pivot:drill': { input: PivotDrillInputSchema, output: PivotDrillSchema },
  /** Saved named pivot views (saved_views, kind 'pivot'). */
  'views:list': { input: z.object({ kind: z.literal('pivot').default('pivot') }).strict(), output: z.array(PivotViewSchema) },
  /** Creates a view (no id) or updates one; names are unique, case-insensitively. */
  'views:save': { input: z.object({ id: z.number().int().optional(), name: ViewName, spec: PivotSpecSchema }).strict(), output: PivotViewSchema },
  'views:delete': { input: z.object({ id: z.number().int() }).strict(), output: z.object({ deleted: z.boolean() }) },
} as const;
