import { z } from 'zod';

/** A grid exactly as shown: its header, its rows in order with their group depth, the raw figures and each column's format. */
export const ShownTableSchema = z
  .object({
    title: z.string().max(200),
    fileName: z.string().regex(/^[\w.-]{1,120}\.xlsx$/),
    currency: z.string().regex(/^[A-Z]{3}$/),
    columns: z.array(z.object({ header: z.string().max(300), format: z.enum(['text', 'count', 'money', 'percent', 'hours', 'decimal']) }).strict()).min(1).max(2_000),
    rows: z
      .array(z.object({ depth: z.number().int().min(0).max(10), kind: z.enum(['leaf', 'subtotal', 'total']), cells: z.array(z.union([z.string().max(2_000), z.number(), z.null()])) }).strict())
      .max(200_000),
  })
  .strict();
export type ShownTable = z.infer<typeof ShownTableSchema>;

export const TABLE_EXPORT_CONTRACT = {
  /** Writes a grid as shown to an XLSX workbook (number formats kept, groups indented and bold) and returns its bytes. */
  'export:table-xlsx': { input: ShownTableSchema, output: z.object({ fileName: z.string(), base64: z.string() }) },
} as const;
