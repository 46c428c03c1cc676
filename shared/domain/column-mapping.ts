import { z } from 'zod';

/** Our fields a column of any CSV or spreadsheet can be mapped to. */
export const MAPPABLE_FIELDS = [
  'date',
  'amount',
  'currency',
  'quantity',
  'unit',
  'ticketKey',
  'runId',
  'mrRef',
  'repository',
  'team',
  'model',
  'provider',
  'sku',
  'description',
  'user',
] as const;
export type MappableField = (typeof MAPPABLE_FIELDS)[number];

export const DATE_FORMATS = ['auto', 'YYYY-MM-DD', 'DD/MM/YYYY', 'MM/DD/YYYY', 'DD.MM.YYYY', 'DD-MM-YYYY', 'excel-serial'] as const;

/**
 * How to read a CSV or XLSX file the app has no preset for: which column is which of our fields,
 * and the file's conventions. Saved under a name and reused for next month's export.
 */
export const ColumnMappingSchema = z
  .object({
    name: z.string().trim().min(1).max(80),
    /** 'auto' sniffs comma, semicolon, tab or pipe from the header line. */
    delimiter: z.enum(['auto', ',', ';', '\t', '|']).default('auto'),
    /** 'auto' reads a BOM, else UTF-8 when valid, else Windows-1252. */
    encoding: z.enum(['auto', 'utf-8', 'utf-16le', 'utf-16be', 'windows-1252', 'iso-8859-1']).default('auto'),
    decimalSeparator: z.enum(['.', ',']).default('.'),
    thousandsSeparator: z.enum(['', ',', '.', ' ', "'"]).default(''),
    dateFormat: z.enum(DATE_FORMATS).default('auto'),
    /** 1-based row that holds the column names (exports sometimes start with a title block). */
    headerRow: z.number().int().min(1).max(100).default(1),
    /** XLSX only: the sheet to read; the first sheet when omitted. */
    sheet: z.string().optional(),
    /** Our field -> the file's column name. `date` and `amount` are required. */
    columns: z.partialRecord(z.enum(MAPPABLE_FIELDS), z.string().min(1)).refine((c) => c.date !== undefined && c.amount !== undefined, 'map at least the date and the amount columns'),
    /** Used when the file has no currency column. */
    fixedCurrency: z.string().regex(/^[A-Z]{3}$/).optional(),
    /** Which cost ledger the lines belong to. */
    ledger: z.enum(['run_credits', 'ai_credits', 'provider', 'copilot', 'ci', 'other']),
    /** Who billed it, e.g. "azure-openai". */
    vendor: z.string().trim().min(1).max(60),
  })
  // A misspelt option in a mapping file ("delimeter") is refused, not silently replaced by its default.
  .strict()
  .refine((m) => m.columns.currency !== undefined || m.fixedCurrency !== undefined, { message: 'map a currency column or give the file a fixed currency', path: ['fixedCurrency'] })
  .refine((m) => m.decimalSeparator !== m.thousandsSeparator, { message: 'the decimal and thousands separators must differ', path: ['thousandsSeparator'] });
export type ColumnMapping = z.infer<typeof ColumnMappingSchema>;
