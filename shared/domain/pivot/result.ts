import { z } from 'zod';
import { DimensionIdSchema, MeasureIdSchema, MemberSchema, PivotSpecSchema } from './spec';

export const MetricFormatSchema = z.enum(['count', 'money', 'percent', 'hours', 'decimal']);

export const DimensionFieldSchema = z.object({
  id: DimensionIdSchema,
  label: z.string(),
  /** record: one value per record; event: per group of run events; bridge: many per record (labels, pilots). */
  level: z.enum(['record', 'event', 'bridge']),
  /** How to show the null member. */
  nullLabel: z.string(),
  time: z.enum(['month', 'quarter', 'week']).nullable(),
  description: z.string(),
});
export type DimensionField = z.infer<typeof DimensionFieldSchema>;

export const MeasureFieldSchema = z.object({
  id: MeasureIdSchema,
  label: z.string(),
  kind: z.enum(['sum', 'count', 'distinct', 'ratio', 'derived']),
  /** money: micros of the workspace currency; percent: a fraction (0.25 is 25%); hours; count; decimal. */
  format: MetricFormatSchema,
  /** Ratio measures: fact column (or ai_path_cost, the sum of every cost_* column) divided by fact column. */
  numerator: z.string().nullable(),
  denominator: z.string().nullable(),
  /** The fact columns the value is computed from (yardstick facts prints them). */
  inputs: z.array(z.string()),
  description: z.string(),
});
export type MeasureFieldView = z.infer<typeof MeasureFieldSchema>;

const PathSchema = z.array(MemberSchema);
/** leaf: every dimension set; subtotal: a group above the leaves; total: the grand total. */
const LineKind = z.enum(['leaf', 'subtotal', 'total']);

export const PivotColumnSchema = z.object({
  /** Stable id: JSON of the path. */
  key: z.string(),
  /** Values of the column dimensions, outermost first; shorter than cols for subtotals, [] for the total. */
  path: PathSchema,
  depth: z.number().int(),
  kind: LineKind,
});
export type PivotColumn = z.infer<typeof PivotColumnSchema>;

export const PivotRowSchema = z.object({
  key: z.string(),
  /** Values of the row dimensions, outermost first; a subtotal row stops at its depth; [] for the grand total. */
  path: PathSchema,
  depth: z.number().int(),
  kind: LineKind,
  /** values[c × measures.length + m]: column c (of columns), measure m (of measures); null where the cell is empty or a ratio's denominator is 0. */
  values: z.array(z.number().nullable()),
});
export type PivotRow = z.infer<typeof PivotRowSchema>;

export const PivotResultSchema = z.object({
  /** The caller's requestId, echoed so a client can drop responses to requests it has superseded. */
  requestId: z.string().nullable(),
  spec: PivotSpecSchema,
  currency: z.string(),
  measures: z.array(MeasureFieldSchema),
  /** Leaves in order, each group's subtotal after its leaves, the grand total last. */
  columns: z.array(PivotColumnSchema),
  /** Pre-order: each group's subtotal row before its children; the grand total last. */
  rows: z.array(PivotRowSchema),
  /** First and last month of the data in the slice (null when empty). */
  span: z.object({ from: z.string(), to: z.string() }).nullable(),
  /** Currencies left out of money totals for want of an exchange rate (workspace-wide). */
  missingRates: z.array(z.string()),
  /** Tables read (a cube, or record_facts), for the curious and the benchmark. */
  sources: z.array(z.string()),
  ms: z.number(),
});
export type PivotResult = z.infer<typeof PivotResultSchema>;
