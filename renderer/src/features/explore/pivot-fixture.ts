import { DIMENSIONS, measureField, type DimensionId, type MeasureId } from '../../../../shared/domain/pivot/fields';
import type { DimensionField, MeasureFieldView, PivotColumn, PivotResult, PivotRow } from '../../../../shared/domain/pivot/result';
import type { Member } from '../../../../shared/domain/pivot/spec';

/** pivot:fields' view of a measure, from the one catalogue. */
export function measureFixture(id: MeasureId): MeasureFieldView {
  const m = measureField(id);
  return { id: m.id, label: m.label, kind: m.kind, format: m.format, numerator: m.numerator ?? null, denominator: m.denominator ?? null, inputs: [...m.inputs], description: m.description };
}

export function dimensionFixtures(ids: DimensionId[]): DimensionField[] {
  return ids.map((id) => {
    const d: (typeof DIMENSIONS)[DimensionId] = DIMENSIONS[id];
    return { id, label: d.label, level: d.level, nullLabel: d.nullLabel, time: 'time' in d ? d.time : null, description: d.description };
  });
}

const column = (path: Member[], cols: number): PivotColumn => ({
  key: JSON.stringify(path),
  path,
  depth: path.length,
  kind: path.length === 0 ? 'total' : path.length === cols ? 'leaf' : 'subtotal',
});
const row = (path: Member[], rows: number, values: (number | null)[]): PivotRow => ({
  key: JSON.stringify(path),
  path,
  depth: path.length,
  kind: path.length === 0 ? 'total' : path.length === rows ? 'leaf' : 'subtotal',
  values,
});

/**
 * Rows team › issue type, columns quarter, values accepted and cost per accepted (money micros),
 * shaped as pivot:run returns it: a group's subtotal row before its children, the total last.
 * Per cell [accepted, cost per accepted] for Q1, Q2 and the total column.
 */
export function samplePivot(): PivotResult {
  const R = 2;
  return {
    requestId: 'pivot-1',
    spec: { rows: ['team', 'issue_type'], cols: ['quarter'], values: ['accepted', 'cost_per_accepted'], filters: [] },
    currency: 'GBP',
    measures: [measureFixture('accepted'), measureFixture('cost_per_accepted')],
    columns: [column(['2026-Q1'], 1), column(['2026-Q2'], 1), column([], 1)],
    rows: [
      row(['Data'], R, [3, 200_000_000, 5, 100_000_000, 8, 137_500_000]),
      row(['Data', 'Bug'], R, [1, 300_000_000, 2, 150_000_000, 3, 200_000_000]),
      row(['Data', 'Story'], R, [2, 150_000_000, 3, 66_666_666.67, 5, 100_000_000]),
      row(['Mobile'], R, [4, 250_000_000, 0, null, 4, 250_000_000]),
      row(['Mobile', null], R, [4, 250_000_000, null, null, 4, 250_000_000]),
      row([], R, [7, 228_571_428.57, 5, 100_000_000, 12, 175_000_000]),
    ],
    span: { from: '2026-01', to: '2026-06' },
    missingRates: [],
    sources: ['record_fact_cube_records'],
    ms: 2,
  };
}
