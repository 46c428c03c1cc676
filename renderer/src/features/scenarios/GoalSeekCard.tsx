import { useMemo, useState } from 'react';
import { ASSUMPTIONS, type AssumptionId, type Scenario } from '../../../../shared/domain/scenario';
import { answerGoal, GOAL_ASSUMPTIONS, GOAL_KINDS, goalQuestionText, type GoalKind } from './goal-seek-model';

type GoalSeekCardProps = { scenario: Scenario; onApply: (assumption: AssumptionId, value: number) => void };

/** "What acceptance rate / price per PR/MR makes the AI path cheaper than the human path?", answered with the engine's goal seek. */
export function GoalSeekCard({ scenario, onApply }: GoalSeekCardProps) {
  const [assumption, setAssumption] = useState<AssumptionId>('acceptance_rate');
  const [kind, setKind] = useState<GoalKind>('break_even');
  const [amountText, setAmountText] = useState('');
  const amountValue = amountText.trim() === '' ? null : Number(amountText.replace(/[,\s]/g, ''));
  const amount = amountValue !== null && Number.isFinite(amountValue) ? amountValue : null;
  const question = useMemo(() => ({ assumption, kind, amount }), [assumption, kind, amount]);
  const answer = useMemo(() => answerGoal(scenario, question), [scenario, question]);

  return (
    <section className="card goal-seek" aria-labelledby="goal-title" data-testid="goal-seek">
      <h2 className="card-title" id="goal-title">
        Goal seek
      </h2>
      <p className="card-subtitle">Which value of one assumption reaches a target, every other assumption as it is now.</p>
      <div className="goal-form">
        <div className="field">
          <label className="field-label" htmlFor="goal-assumption">
            Find the
          </label>
          <select id="goal-assumption" className="input select" value={assumption} data-testid="goal-assumption" onChange={(e) => setAssumption(e.target.value as AssumptionId)}>
            {GOAL_ASSUMPTIONS.map((id) => (
              <option key={id} value={id}>
                {ASSUMPTIONS[id].label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field-label" htmlFor="goal-kind">
            that gives
          </label>
          <select id="goal-kind" className="input select" value={kind} data-testid="goal-kind" onChange={(e) => setKind(e.target.value as GoalKind)}>
            {GOAL_KINDS.map((k) => (
              <option key={k.value} value={k.value}>
                {k.label}
              </option>
            ))}
          </select>
        </div>
        {kind !== 'break_even' && (
          <div className="field goal-amount">
            <label className="field-label" htmlFor="goal-amount">
              Amount ({scenario.currency})
            </label>
            <input id="goal-amount" className="input" inputMode="decimal" value={amountText} data-testid="goal-amount" onChange={(e) => setAmountText(e.target.value)} />
          </div>
        )}
      </div>
      <div className="goal-answer" role="status" data-testid="goal-answer" data-found={answer.found} data-value={answer.value ?? ''}>
        <p className="goal-question">{goalQuestionText(question, scenario.currency)}</p>
        <p className="goal-value" data-testid="goal-value">
          {answer.valueText}
        </p>
        <p className="goal-sentence">{answer.sentence}</p>
        {answer.found && answer.value !== null && (
          <button type="button" className="button button-small" data-testid="goal-apply" onClick={() => onApply(assumption, answer.value!)}>
            Set {ASSUMPTIONS[assumption].label.toLowerCase()} to {answer.valueText}
          </button>
        )}
      </div>
    </section>
  );
}
