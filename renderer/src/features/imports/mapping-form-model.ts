import type { z } from 'zod';
import { ColumnMappingSchema, MAPPABLE_FIELDS, type ColumnMapping, type MappableField } from '../../../../shared/domain/column-mapping';
import { FIELD_LABELS } from './import-labels';

/**
 * The column mapping editor as plain data: what the user chose, turned into a ColumnMapping and
 * checked with the schema main uses, with one message per field.
 */
export type MappingFormFields = {
  name: string;
  delimiter: ColumnMapping['delimiter'];
  encoding: ColumnMapping['encoding'];
  decimalSeparator: ColumnMapping['decimalSeparator'];
  thousandsSeparator: ColumnMapping['thousandsSeparator'];
  dateFormat: ColumnMapping['dateFormat'];
  headerRow: string;
  sheet: string;
  /** Our field → the file's column; "" leaves the field unmapped. */
  columns: Record<MappableField, string>;
  fixedCurrency: string;
  ledger: ColumnMapping['ledger'] | '';
  vendor: string;
};

export type MappingFieldKey = MappableField | 'name' | 'headerRow' | 'sheet' | 'fixedCurrency' | 'thousandsSeparator' | 'ledger' | 'vendor' | 'form';
export type MappingErrors = Partial<Record<MappingFieldKey, string>>;
export type MappingValidation = { ok: true; value: ColumnMapping } | { ok: false; errors: MappingErrors };

type MappingInput = z.input<typeof ColumnMappingSchema>;
type Issue = z.core.$ZodIssue;

export const REQUIRED_FIELDS: readonly MappableField[] = ['date', 'amount'];

const noColumns = (): Record<MappableField, string> => Object.fromEntries(MAPPABLE_FIELDS.map((field) => [field, ''])) as Record<MappableField, string>;

/** Header names compared without case, accents, spaces or punctuation: "Net Amount (USD)" ~ "netamountusd", "Währung" ~ "wahrung". */
const normalise = (header: string): string =>
  header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

/** Header names that usually hold each field, best first; matched after normalising. */
const CANDIDATES: Record<MappableField, string[]> = {
  date: ['date', 'day', 'usagedate', 'billingdate', 'chargedate', 'occurredat', 'startingat', 'startdate', 'timestamp', 'datum'],
  amount: ['amount', 'netamount', 'cost', 'costusd', 'amountusd', 'totalcost', 'total', 'price', 'charge', 'betrag'],
  currency: ['currency', 'currencycode', 'billingcurrency', 'wahrung', 'waehrung'],
  quantity: ['quantity', 'qty', 'usagequantity', 'units', 'tokens'],
  unit: ['unit', 'unittype', 'unitofmeasure', 'uom'],
  ticketKey: ['ticketkey', 'ticket', 'issuekey', 'issue', 'jirakey'],
  runId: ['runid', 'run'],
  mrRef: ['mrref', 'mrurl', 'mergerequest', 'pullrequest', 'prurl', 'pr', 'mr'],
  repository: ['repository', 'repo', 'repositoryname'],
  team: ['team', 'costcenter', 'costcentername', 'costcentre', 'department', 'kostenstelle'],
  model: ['model', 'modelname', 'modelid', 'modell'],
  provider: ['provider', 'modelprovider'],
  sku: ['sku', 'product', 'meter', 'metername', 'service', 'servicename'],
  description: ['description', 'details', 'memo', 'note', 'beschreibung'],
  user: ['user', 'username', 'login', 'useremail', 'email'],
};

/** A first guess at which column is which, from the header names; each column is used once. */
export function guessColumns(fileColumns: readonly string[]): Record<MappableField, string> {
  const columns = noColumns();
  const byName = new Map<string, string>();
  for (const column of fileColumns) if (!byName.has(normalise(column))) byName.set(normalise(column), column);
  const used = new Set<string>();
  for (const field of MAPPABLE_FIELDS) {
    for (const candidate of CANDIDATES[field]) {
      const column = byName.get(candidate);
      if (column !== undefined && !used.has(column)) {
        columns[field] = column;
        used.add(column);
        break;
      }
    }
  }
  return columns;
}

/** "azure-costs_2026-09.csv" → "azure-costs_2026-09", within the 80 characters a name may have. */
export const nameFromFile = (fileName: string): string => fileName.replace(/\.[^.]+$/, '').trim().slice(0, 80);

export function emptyMappingForm(fileName: string, fileColumns: readonly string[]): MappingFormFields {
  return {
    name: nameFromFile(fileName),
    delimiter: 'auto',
    encoding: 'auto',
    decimalSeparator: '.',
    thousandsSeparator: '',
    dateFormat: 'auto',
    headerRow: '1',
    sheet: '',
    columns: guessColumns(fileColumns),
    fixedCurrency: '',
    ledger: '',
    vendor: '',
  };
}

export function fieldsFromMapping(mapping: ColumnMapping): MappingFormFields {
  const columns = noColumns();
  for (const field of MAPPABLE_FIELDS) columns[field] = mapping.columns[field] ?? '';
  return {
    name: mapping.name,
    delimiter: mapping.delimiter,
    encoding: mapping.encoding,
    decimalSeparator: mapping.decimalSeparator,
    thousandsSeparator: mapping.thousandsSeparator,
    dateFormat: mapping.dateFormat,
    headerRow: String(mapping.headerRow),
    sheet: mapping.sheet ?? '',
    columns,
    fixedCurrency: mapping.fixedCurrency ?? '',
    ledger: mapping.ledger,
    vendor: mapping.vendor,
  };
}

/** The fields as the schema's input: unmapped fields and blanks left out, the currency upper-cased. */
export function mappingInput(fields: MappingFormFields): MappingInput {
  // Only the mapped fields: the schema's record type lists every field, but a mapping names the columns the file has.
  const columns = Object.fromEntries(MAPPABLE_FIELDS.filter((field) => fields.columns[field] !== '').map((field) => [field, fields.columns[field]])) as MappingInput['columns'];
  const headerRow = fields.headerRow.trim() === '' ? Number.NaN : Number(fields.headerRow.trim());
  const fixedCurrency = fields.fixedCurrency.trim().toUpperCase();
  return {
    name: fields.name,
    delimiter: fields.delimiter,
    encoding: fields.encoding,
    decimalSeparator: fields.decimalSeparator,
    thousandsSeparator: fields.thousandsSeparator,
    dateFormat: fields.dateFormat,
    headerRow,
    ...(fields.sheet.trim() === '' ? {} : { sheet: fields.sheet.trim() }),
    columns,
    ...(fixedCurrency === '' ? {} : { fixedCurrency }),
    // An unchosen ledger is sent as "" so the schema reports it, rather than silently defaulting.
    ledger: fields.ledger as ColumnMapping['ledger'],
    vendor: fields.vendor,
  };
}

const isMappable = (value: unknown): value is MappableField => typeof value === 'string' && (MAPPABLE_FIELDS as readonly string[]).includes(value);

function fieldOf(path: readonly PropertyKey[]): MappingFieldKey {
  const [head, next] = path;
  if (head === 'columns') return isMappable(next) ? next : 'form';
  return head === 'name' || head === 'headerRow' || head === 'sheet' || head === 'fixedCurrency' || head === 'thousandsSeparator' || head === 'ledger' || head === 'vendor' ? head : 'form';
}

const chooseColumn = (field: MappableField): string => `Choose the ${FIELD_LABELS[field].label.toLowerCase()} column.`;
const CURRENCY_MISSING = 'Choose a currency column or enter a fixed currency such as EUR.';
const SEPARATORS_CLASH = 'The decimal and thousands separators must differ.';

function messageFor(issue: Issue, field: MappingFieldKey): string {
  switch (field) {
    case 'name':
      return issue.code === 'too_big' ? 'Keep the name to 80 characters or fewer.' : 'Give the mapping a name.';
    case 'headerRow':
      return 'Enter the row that holds the column names, from 1 to 100.';
    case 'fixedCurrency':
      return issue.code === 'custom' ? CURRENCY_MISSING : 'Use a three-letter currency code such as EUR.';
    case 'thousandsSeparator':
      return SEPARATORS_CLASH;
    case 'ledger':
      return 'Choose which ledger the lines belong to.';
    case 'vendor':
      return issue.code === 'too_big' ? 'Keep the vendor to 60 characters or fewer.' : 'Say who billed it, such as azure-openai.';
    case 'sheet':
      return 'Enter the name of the sheet to read, or leave it empty for the first sheet.';
    case 'form':
      return issue.message.charAt(0).toUpperCase() + issue.message.slice(1);
    default:
      // A mapped column that is empty or missing: only required fields can get here.
      return chooseColumn(field);
  }
}

/**
 * One message per field, from the schema's issues, plus the checks that span fields. zod skips an
 * object's refinements while its fields have issues; checking them here as well shows every
 * problem at once instead of one round at a time.
 */
export function mappingErrors(issues: readonly Issue[], fields: MappingFormFields): MappingErrors {
  const errors: MappingErrors = {};
  for (const field of REQUIRED_FIELDS) if (fields.columns[field] === '') errors[field] = chooseColumn(field);
  if (fields.columns.currency === '' && fields.fixedCurrency.trim() === '') errors.fixedCurrency = CURRENCY_MISSING;
  if (fields.decimalSeparator === fields.thousandsSeparator) errors.thousandsSeparator = SEPARATORS_CLASH;
  for (const issue of issues) {
    const field = fieldOf(issue.path);
    // An optional column the schema wants mapped is a schema matter, not something to ask the user for.
    if (isMappable(field) && !REQUIRED_FIELDS.includes(field) && fields.columns[field] === '') continue;
    // The "map date and amount" refinement sits on `columns` as a whole; its fields carry it already.
    if (field === 'form' && issue.path[0] === 'columns' && (errors.date !== undefined || errors.amount !== undefined)) continue;
    errors[field] ??= messageFor(issue, field);
  }
  return errors;
}

export function validateMapping(fields: MappingFormFields): MappingValidation {
  const parsed = ColumnMappingSchema.safeParse(mappingInput(fields));
  const errors = mappingErrors(parsed.success ? [] : parsed.error.issues, fields);
  if (parsed.success && Object.keys(errors).length === 0) return { ok: true, value: parsed.data };
  if (!parsed.success && Object.keys(errors).length === 0) {
    // Only issues the form has no place for (see above): say so rather than block without a word.
    const issue = parsed.error.issues[0];
    errors.form = `This mapping cannot be used yet (${issue === undefined ? 'no reason given' : `${issue.path.join('.')}: ${issue.message}`}).`;
  }
  return { ok: false, errors };
}

/** Stand-ins for the parts of a mapping that do not change how rows are read, for a preview before they are filled in. */
const PREVIEW_DEFAULTS = { name: 'Unsaved mapping', ledger: 'other', vendor: 'unknown' } as const;

/**
 * The mapping to preview with: the editor's choices, with the name, ledger and vendor filled in
 * when still blank (they do not change how rows are read). Null while the columns or conventions
 * cannot be read yet.
 */
export function previewMapping(fields: MappingFormFields): ColumnMapping | null {
  const result = validateMapping({
    ...fields,
    name: fields.name.trim() === '' ? PREVIEW_DEFAULTS.name : fields.name,
    ledger: fields.ledger === '' ? PREVIEW_DEFAULTS.ledger : fields.ledger,
    vendor: fields.vendor.trim() === '' ? PREVIEW_DEFAULTS.vendor : fields.vendor,
  });
  return result.ok ? result.value : null;
}

/** Whether the file is a spreadsheet, where the sheet field applies and the text conventions do not. */
export const isSpreadsheet = (fileName: string): boolean => /\.xlsx$/i.test(fileName);

/** Fields that do not change how rows are read: their messages wait until the user saves or imports. */
const ASKED_ON_SUBMIT: readonly MappingFieldKey[] = ['name', 'ledger', 'vendor'];

/**
 * The messages to show now. Columns and conventions are checked as the user goes, since the live
 * preview depends on them; a blank name, ledger or vendor is only pointed out after an attempt.
 */
export function visibleMappingErrors(errors: MappingErrors, attempted: boolean): MappingErrors {
  if (attempted) return errors;
  return Object.fromEntries(Object.entries(errors).filter(([key]) => !ASKED_ON_SUBMIT.includes(key as MappingFieldKey))) as MappingErrors;
}

/** Saving under the name of another saved mapping replaces it; say so before it happens. */
export function nameClashHint(name: string, savedNames: readonly string[], editing: string | null): string | null {
  const trimmed = name.trim();
  if (trimmed === '' || trimmed === editing) return null;
  return savedNames.includes(trimmed) ? `A saved mapping is called “${trimmed}”; saving replaces it.` : null;
}

/** The file's columns as choices for one field; a saved mapping's column this file lacks stays visible. */
export function columnOptions(fileColumns: readonly string[], current: string): { value: string; label: string }[] {
  const options = [{ value: '', label: '— not in this file —' }, ...fileColumns.map((column) => ({ value: column, label: column }))];
  if (current !== '' && !fileColumns.includes(current)) options.push({ value: current, label: `${current} (not in this file)` });
  return options;
}
