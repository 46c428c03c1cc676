import { ChoiceGroup } from '../../components/ChoiceGroup';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { EVENT_LABELS, SHAPE_HINTS, SHAPE_LABELS, shapeFields, type PlanFieldKey, type PlanFormFields, type PlanShape } from './plans-form-model';

type PlanEditorProps = {
  plan: PlanFormFields;
  index: number;
  errors: Partial<Record<PlanFieldKey, string>>;
  onChange: (patch: Partial<PlanFormFields>) => void;
  onRemove: () => void;
  canRemove: boolean;
};

const SHAPES: PlanShape[] = ['per_outcome', 'prepaid_balance', 'per_merged'];

/** One vendor plan: its shape decides which of the price fields apply; the others keep their values. */
export function PlanEditor({ plan, index, errors, onChange, onRemove, canRemove }: PlanEditorProps) {
  const id = `plan-${index}`;
  const show = shapeFields(plan.shape);
  const currency = plan.currency.trim() === '' ? 'the plan currency' : plan.currency.trim().toUpperCase();
  const title = plan.name.trim() === '' ? `Plan ${index + 1}` : plan.name.trim();
  return (
    <fieldset className="form-section plan-editor" data-testid="plan-editor" data-plan={plan.name}>
      <legend>{title}</legend>
      <div className="plan-editor-head">
        <div className="form-grid plan-editor-basics">
          <TextField id={`${id}-name`} testId="plan-name" label="Name" value={plan.name} error={errors.name} onChange={(name) => onChange({ name })} />
          <SelectField
            id={`${id}-shape`}
            testId="plan-shape"
            label="Pricing shape"
            value={plan.shape}
            options={SHAPES.map((shape) => ({ value: shape, label: SHAPE_LABELS[shape] }))}
            hint={SHAPE_HINTS[plan.shape]}
            onChange={(shape) => onChange({ shape })}
          />
          <TextField id={`${id}-currency`} testId="plan-currency" label="Currency" placeholder="GBP" value={plan.currency} error={errors.currency} onChange={(currency) => onChange({ currency })} />
        </div>
        <button type="button" className="button button-small button-danger-quiet" data-testid="plan-remove" disabled={!canRemove} title={canRemove ? undefined : 'Keep at least one plan.'} onClick={onRemove}>
          Remove plan
        </button>
      </div>

      <div className="form-grid form-grid-narrow">
        {show.allowance && (
          <>
            <TextField id={`${id}-free`} testId="plan-free-credits" label="Free credits" value={plan.freeCredits} error={errors.freeCredits} hint="Included before any credit is charged." onChange={(freeCredits) => onChange({ freeCredits })} />
            <ChoiceGroup
              legend="Allowance resets"
              name={`${id}-resets`}
              value={plan.allowanceResets}
              choices={[
                { value: 'monthly', label: 'Monthly' },
                { value: 'never', label: 'Never' },
              ]}
              onChange={(allowanceResets) => onChange({ allowanceResets })}
            />
          </>
        )}
        {show.pricePerCredit && (
          <TextField
            id={`${id}-price`}
            testId="plan-price-per-credit"
            label="Price per credit"
            value={plan.pricePerCredit}
            hint={`In ${currency}, such as 4.00.`}
            error={errors.pricePerCredit}
            onChange={(pricePerCredit) => onChange({ pricePerCredit })}
          />
        )}
        {show.creditsPerMerged && (
          <TextField
            id={`${id}-merged`}
            testId="plan-credits-per-merged"
            label="Credits per merged PR/MR"
            value={plan.creditsPerMerged}
            error={errors.creditsPerMerged}
            onChange={(creditsPerMerged) => onChange({ creditsPerMerged })}
          />
        )}
        {show.prepaid && (
          <>
            <TextField
              id={`${id}-fee`}
              testId="plan-fee-per-review"
              label="Fee per review"
              value={plan.feePerReview}
              hint={`In ${currency}, charged per published review.`}
              error={errors.feePerReview}
              onChange={(feePerReview) => onChange({ feePerReview })}
            />
            <TextField
              id={`${id}-margin`}
              testId="plan-margin"
              label="Margin on model cost (%)"
              value={plan.marginPercent}
              error={errors.marginPercent}
              onChange={(marginPercent) => onChange({ marginPercent })}
            />
          </>
        )}
      </div>

      {show.creditsPerEvent && (
        <div className="plan-credits">
          <p className="field-label">Credits per run event</p>
          <p className="field-hint">Empty: the event consumes no credit.</p>
          <div className="plan-credits-grid">
            {Object.entries(plan.creditsPerEvent).map(([type, value]) => (
              <TextField
                key={type}
                id={`${id}-credits-${type}`}
                testId={`plan-credits-${type}`}
                label={EVENT_LABELS[type as keyof typeof EVENT_LABELS] ?? type}
                value={value}
                error={errors[`credits:${type}`]}
                onChange={(text) => onChange({ creditsPerEvent: { ...plan.creditsPerEvent, [type]: text } })}
              />
            ))}
          </div>
        </div>
      )}
    </fieldset>
  );
}
