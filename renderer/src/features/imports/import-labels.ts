import type { ColumnMapping, MappableField } from '../../../../shared/domain/column-mapping';

export type Option<T extends string = string> = { value: T; label: string };

/** Our fields as people name them, with what a column must hold to be mapped to them. */
export const FIELD_LABELS: Record<MappableField, { label: string; hint: string }> = {
  date: { label: 'Date', hint: 'The day the cost or usage applies to.' },
  amount: { label: 'Amount', hint: 'What the line costs.' },
  currency: { label: 'Currency', hint: 'A three-letter code per line, such as EUR.' },
  quantity: { label: 'Quantity', hint: 'How much was used: tokens, minutes, requests…' },
  unit: { label: 'Unit', hint: 'What the quantity counts.' },
  ticketKey: { label: 'Ticket', hint: 'A Jira key such as ENG-148, to attribute the cost.' },
  runId: { label: 'Run id', hint: 'The agent run the line belongs to.' },
  mrRef: { label: 'Merge request', hint: 'A merge or pull request URL or reference.' },
  repository: { label: 'Repository', hint: 'Such as acme/sync-app.' },
  team: { label: 'Team', hint: 'Team or cost centre.' },
  model: { label: 'Model', hint: 'Such as claude-sonnet-4-6.' },
  provider: { label: 'Provider', hint: 'Who served the model, such as anthropic.' },
  sku: { label: 'SKU or product', hint: 'The billed item.' },
  description: { label: 'Description', hint: 'Free text kept with the line.' },
  user: { label: 'User', hint: 'Who used it; shown only where people views are on.' },
};

/** camelCase or snake_case field names the preview may carry beyond ours: "ticket_key" → "Ticket key". */
export function fieldLabel(field: string): string {
  const known = (FIELD_LABELS as Record<string, { label: string } | undefined>)[field];
  if (known !== undefined) return known.label;
  const words = field
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const LEDGER_OPTIONS: Option<ColumnMapping['ledger']>[] = [
  { value: 'run_credits', label: 'Run credits' },
  { value: 'ai_credits', label: 'Cloud AI credits' },
  { value: 'provider', label: 'Provider spend' },
  { value: 'copilot', label: 'Copilot' },
  { value: 'ci', label: 'CI' },
  { value: 'other', label: 'Other' },
];

export const DELIMITER_OPTIONS: Option<ColumnMapping['delimiter']>[] = [
  { value: 'auto', label: 'Detect' },
  { value: ',', label: 'Comma (,)' },
  { value: ';', label: 'Semicolon (;)' },
  { value: '\t', label: 'Tab' },
  { value: '|', label: 'Pipe (|)' },
];

export const ENCODING_OPTIONS: Option<ColumnMapping['encoding']>[] = [
  { value: 'auto', label: 'Detect' },
  { value: 'utf-8', label: 'UTF-8' },
  { value: 'utf-16le', label: 'UTF-16 LE' },
  { value: 'utf-16be', label: 'UTF-16 BE' },
  { value: 'windows-1252', label: 'Windows-1252 (Western)' },
  { value: 'iso-8859-1', label: 'ISO-8859-1 (Latin-1)' },
];

export const DECIMAL_OPTIONS: Option<ColumnMapping['decimalSeparator']>[] = [
  { value: '.', label: 'Point (1234.56)' },
  { value: ',', label: 'Comma (1234,56)' },
];

export const THOUSANDS_OPTIONS: Option<ColumnMapping['thousandsSeparator']>[] = [
  { value: '', label: 'None (1234)' },
  { value: ',', label: 'Comma (1,234)' },
  { value: '.', label: 'Point (1.234)' },
  { value: ' ', label: 'Space (1 234)' },
  { value: "'", label: "Apostrophe (1'234)" },
];

export const DATE_FORMAT_OPTIONS: Option<ColumnMapping['dateFormat']>[] = [
  { value: 'auto', label: 'Detect' },
  { value: 'YYYY-MM-DD', label: 'YYYY-MM-DD (2026-09-30)' },
  { value: 'DD/MM/YYYY', label: 'DD/MM/YYYY (30/09/2026)' },
  { value: 'MM/DD/YYYY', label: 'MM/DD/YYYY (09/30/2026)' },
  { value: 'DD.MM.YYYY', label: 'DD.MM.YYYY (30.09.2026)' },
  { value: 'DD-MM-YYYY', label: 'DD-MM-YYYY (30-09-2026)' },
  { value: 'excel-serial', label: 'Excel day number (46295)' },
];

const labelOf = (options: Option[], value: string): string | undefined => options.find((option) => option.value === value)?.label;

/** How the file's delimiter is named in the preview; null for files without one (JSON, XLSX). */
export function delimiterLabel(delimiter: string | null): string | null {
  if (delimiter === null || delimiter === '') return null;
  return labelOf(DELIMITER_OPTIONS, delimiter) ?? `“${delimiter}”`;
}

/** "utf-8" → "UTF-8"; an encoding this build does not list is shown upper-cased. */
export function encodingLabel(encoding: string): string {
  return labelOf(ENCODING_OPTIONS, encoding.toLowerCase()) ?? encoding.toUpperCase();
}

export const ledgerLabel = (ledger: string): string => labelOf(LEDGER_OPTIONS, ledger) ?? ledger;

/** "a GitHub billing usage report", "an OpenAI organization costs export". */
export const withArticle = (noun: string): string => `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
