import { describe, expect, it } from 'vitest';
import { exportFileName, pivotCsv } from './csv-export';
import { dimensionFixtures, samplePivot } from './pivot-fixture';
import { dimensionLabel, memberLabeler } from './pivot-labels';
import { totalRow, visibleRows } from './pivot-view-model';

const dims = dimensionFixtures(['team', 'issue_type', 'quarter']);
const label = memberLabeler(dims);
const dimLabel = (d: Parameters<typeof dimensionLabel>[1]) => dimensionLabel(dims, d);

describe('CSV export', () => {
  it('writes the grid as shown: a column per row dimension, a column per column key × measure, formatted figures, the total last', () => {
    const result = samplePivot();
    const csv = pivotCsv({ result, rows: visibleRows(result.rows, new Set()), total: totalRow(result.rows), label, dimLabel });
    expect(csv.split('\n')).toEqual([
      'Team,Issue type,Q1 2026 · Accepted PR/MRs,Q1 2026 · Cost per accepted PR/MR,Q2 2026 · Accepted PR/MRs,Q2 2026 · Cost per accepted PR/MR,Total · Accepted PR/MRs,Total · Cost per accepted PR/MR',
      'Data,,3,£200.00,5,£100.00,8,£137.50',
      'Data,Bug,1,£300.00,2,£150.00,3,£200.00',
      'Data,Story,2,£150.00,3,£66.67,5,£100.00',
      'Mobile,,4,£250.00,0,,4,£250.00',
      'Mobile,(no ticket),4,£250.00,,,4,£250.00',
      'Total,,7,£228.57,5,£100.00,12,£175.00',
      '',
    ]);
  });

  it('leaves out the rows of collapsed groups, as the grid does', () => {
    const result = samplePivot();
    const csv = pivotCsv({ result, rows: visibleRows(result.rows, new Set(['["Data"]'])), total: totalRow(result.rows), label, dimLabel });
    expect(csv.split('\n').map((l) => l.split(',').slice(0, 2).join(','))).toEqual(['Team,Issue type', 'Data,', 'Mobile,', 'Mobile,(no ticket)', 'Total,', '']);
  });

  it('quotes figures with thousands separators and names people as the labeler says', () => {
    const result = { ...samplePivot(), spec: { ...samplePivot().spec, rows: ['person' as const], cols: [] }, columns: [{ key: '[]', path: [], depth: 0, kind: 'total' as const }] };
    const rows = [{ key: '["Ann Lee"]', path: ['Ann Lee'], depth: 1, kind: 'leaf' as const, values: [1234, 5_000_000] }];
    const csv = pivotCsv({ result, rows, total: null, label: memberLabeler(dimensionFixtures(['person']), () => 'Person 1a2b3c'), dimLabel: () => 'Person' });
    expect(csv).toBe('Person,Accepted PR/MRs,Cost per accepted PR/MR\nPerson 1a2b3c,"1,234",£5.00\n');
  });

  it('names the file after the view, or after the dimensions', () => {
    expect(exportFileName({ rows: ['team'], cols: ['quarter'] }, null, 'csv')).toBe('yardstick-pivot-team-by-quarter.csv');
    expect(exportFileName({ rows: [], cols: [] }, null, 'csv')).toBe('yardstick-pivot-total.csv');
    expect(exportFileName({ rows: ['team'], cols: [] }, 'Q3 review: Payments', 'csv')).toBe('yardstick-pivot-q3-review-payments.csv');
  });
});
