import { MAPPABLE_FIELDS } from '../../../../shared/domain/column-mapping';
import { Notice } from '../../components/Notice';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { type Option, DATE_FORMAT_OPTIONS, DECIMAL_OPTIONS, DELIMITER_OPTIONS, ENCODING_OPTIONS, FIELD_LABELS, LEDGER_OPTIONS, THOUSANDS_OPTIONS } from './import-labels';
import { REQUIRED_FIELDS, columnOptions, isSpreadsheet, type MappingErrors, type MappingFormFields } from './mapping-form-model';

type MappingEditorProps = {
  fileName: string;
  fileColumns: string[];
  fields: MappingFormFields;
  errors: MappingErrors;
  onChange: (patch: Partial<MappingFormFields>) => void;
  onSave: () => void;
  saving: boolean;
  /** "Saved as “Azure”." after a save; the refusal's message when it failed. */
  saveResult: { ok: boolean; text: string } | null;
  nameHint: string | null;
};

const LEDGER_CHOICES: Option<MappingFormFields['ledger']>[] = [{ value: '', label: 'Choose…' }, ...LEDGER_OPTIONS];

/** Which of the file's columns holds which of our fields, and how the file is written. */
export function MappingEditor({ fileName, fileColumns, fields, errors, onChange, onSave, saving, saveResult, nameHint }: MappingEditorProps) {
  const spreadsheet = isSpreadsheet(fileName);
  const setColumn = (field: keyof MappingFormFields['columns'], column: string) => onChange({ columns: { ...fields.columns, [field]: column } });

  return (
    <section className="mapping-editor" data-testid="mapping-editor" aria-labelledby="mapping-editor-title">
      <h3 className="section-title" id="mapping-editor-title">
        Column mapping
      </h3>
      {errors.form !== undefined && <Notice tone="error">{errors.form}</Notice>}
      <fieldset className="form-section">
        <legend>Columns</legend>
        <p className="field-hint">
          Which of the file’s columns holds each of our fields. Date and amount are required, and a currency column or a fixed currency. The preview above
          follows your choices.
        </p>
        {fileColumns.length === 0 && (
          <Notice tone="warning">No column names were found. Check the header row{spreadsheet ? ' and the sheet' : ', the delimiter and the encoding'} below.</Notice>
        )}
        <div className="mapping-grid">
          {MAPPABLE_FIELDS.map((field) => (
            <SelectField
              key={field}
              id={`mapping-field-${field}`}
              testId={`mapping-field-${field}`}
              label={FIELD_LABELS[field].label}
              required={REQUIRED_FIELDS.includes(field)}
              value={fields.columns[field]}
              options={columnOptions(fileColumns, fields.columns[field])}
              hint={field === 'date' || field === 'amount' || field === 'currency' ? FIELD_LABELS[field].hint : undefined}
              error={errors[field]}
              onChange={(column) => setColumn(field, column)}
            />
          ))}
          <TextField
            id="mapping-fixed-currency"
            testId="mapping-fixed-currency"
            label="Fixed currency"
            optional
            placeholder="EUR"
            value={fields.fixedCurrency}
            hint="For files without a currency column: every amount is in this currency."
            error={errors.fixedCurrency}
            onChange={(fixedCurrency) => onChange({ fixedCurrency })}
          />
        </div>
      </fieldset>
      <fieldset className="form-section">
        <legend>How the file is written</legend>
        <div className="mapping-grid">
          {!spreadsheet && (
            <>
              <SelectField id="mapping-delimiter" testId="mapping-delimiter" label="Delimiter" value={fields.delimiter} options={DELIMITER_OPTIONS} onChange={(delimiter) => onChange({ delimiter })} />
              <SelectField id="mapping-encoding" testId="mapping-encoding" label="Encoding" value={fields.encoding} options={ENCODING_OPTIONS} onChange={(encoding) => onChange({ encoding })} />
            </>
          )}
          <SelectField
            id="mapping-decimal"
            testId="mapping-decimal"
            label="Decimal separator"
            value={fields.decimalSeparator}
            options={DECIMAL_OPTIONS}
            onChange={(decimalSeparator) => onChange({ decimalSeparator })}
          />
          <SelectField
            id="mapping-thousands"
            testId="mapping-thousands"
            label="Thousands separator"
            value={fields.thousandsSeparator}
            options={THOUSANDS_OPTIONS}
            error={errors.thousandsSeparator}
            onChange={(thousandsSeparator) => onChange({ thousandsSeparator })}
          />
          <SelectField
            id="mapping-date-format"
            testId="mapping-date-format"
            label="Date format"
            value={fields.dateFormat}
            options={DATE_FORMAT_OPTIONS}
            onChange={(dateFormat) => onChange({ dateFormat })}
          />
          <TextField
            id="mapping-header-row"
            testId="mapping-header-row"
            label="Header row"
            type="number"
            value={fields.headerRow}
            hint="The row with the column names (some exports start with a title block)."
            error={errors.headerRow}
            onChange={(headerRow) => onChange({ headerRow })}
          />
          {spreadsheet && (
            <TextField
              id="mapping-sheet"
              testId="mapping-sheet"
              label="Sheet"
              optional
              value={fields.sheet}
              hint="Empty reads the first sheet."
              error={errors.sheet}
              onChange={(sheet) => onChange({ sheet })}
            />
          )}
        </div>
      </fieldset>
      <fieldset className="form-section">
        <legend>What the lines are</legend>
        <div className="mapping-grid">
          <SelectField
            id="mapping-ledger"
            testId="mapping-ledger"
            label="Ledger"
            value={fields.ledger}
            options={LEDGER_CHOICES}
            hint="Where the cost counts in the cost model."
            error={errors.ledger}
            onChange={(ledger) => onChange({ ledger })}
          />
          <TextField
            id="mapping-vendor"
            testId="mapping-vendor"
            label="Vendor"
            placeholder="azure-openai"
            value={fields.vendor}
            hint="Who billed it."
            error={errors.vendor}
            onChange={(vendor) => onChange({ vendor })}
          />
        </div>
      </fieldset>
      <div className="mapping-save">
        <TextField
          id="mapping-name"
          testId="mapping-name"
          label="Mapping name"
          value={fields.name}
          hint={nameHint ?? 'Saved mappings are offered under “Read as” for next month’s file.'}
          error={errors.name}
          onChange={(name) => onChange({ name })}
        />
        <button type="button" className="button" data-testid="mapping-save" disabled={saving} onClick={onSave}>
          {saving ? 'Saving…' : 'Save mapping'}
        </button>
      </div>
      {saveResult !== null && (
        <p className={saveResult.ok ? 'save-result text-ok' : 'save-result text-danger'} role="status" data-testid="mapping-save-result">
          {saveResult.text}
        </p>
      )}
    </section>
  );
}
