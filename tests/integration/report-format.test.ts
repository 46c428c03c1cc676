import { describe, expect, it } from 'vitest';
import * as app from '../../renderer/src/lib/format';
import { formatMetric as appFormatMetric } from '../../renderer/src/features/pilots/scorecard-view-model';
import { wholeMoney as appWholeMoney } from '../../renderer/src/features/scenarios/results-view-model';
import { formatMoneyValue as appFormatMoneyValue } from '../../renderer/src/features/scenarios/assumption-model';
import * as exp from '../../shared/domain/charts/format';
import type { MetricFormat } from '../../shared/domain/metrics';

// Chart images and the PDF report format figures in main, without the renderer; they must read
// exactly as the app shows them. Each exported formatter against the renderer's own, over values
// that hit the edges (zero, negatives, rounding, thousands, below one unit, missing).

const numbers = [0, 0.04, 0.05, 0.5, 0.7368, 1, 1.25, 2.755, 12.345, 99.94, 99.96, 100, 853.4, 1234.5, 98_765.4321, -0.3, -12.5, -1500.75];
const micros = [0, 1, 499_999, 500_000, 229_970_000, 1_234_567_890, 28_746_320_000, 999_999_999_999, -562_948_920_000, 3_480_000_000_000];
const dates = ['2026-01-01', '2026-09-30', '2025-12-31', '2026-11-22T05:38:51.268Z', '2026-03-29T00:30:00Z', 'not a date'];
const months = ['2026-01', '2026-09', '2025-12', 'bad'];

describe('export formatting matches the app', () => {
  it('counts, decimals, percentages and hours', () => {
    for (const n of numbers) {
      expect(exp.formatCount(n), `count ${n}`).toBe(app.formatCount(n));
      for (const d of [0, 1, 2]) expect(exp.formatDecimal(n, d), `decimal ${n} ${d}`).toBe(app.formatDecimal(n, d));
      expect(exp.formatPercent(n), `percent ${n}`).toBe(app.formatPercent(n));
      expect(exp.formatPercent(n, 0), `percent ${n} 0`).toBe(app.formatPercent(n, 0));
      expect(exp.formatHours(n), `hours ${n}`).toBe(app.formatHours(n));
    }
    expect(exp.NO_VALUE).toBe(app.NO_VALUE);
  });

  it('dates, date ranges and months', () => {
    for (const d of dates) {
      expect(exp.formatDate(d)).toBe(app.formatDate(d));
      expect(exp.formatDateTime(d)).toBe(app.formatDateTime(d));
      for (const e of dates) expect(exp.formatDateRange(d, e)).toBe(app.formatDateRange(d, e));
    }
    for (const m of months) {
      expect(exp.formatMonthShort(m)).toBe(app.formatMonthShort(m));
      expect(exp.formatMonthLong(m)).toBe(app.formatMonthLong(m));
    }
  });

  it('metrics as the pilot scorecard shows them, and scenario money as the Scenarios page does', () => {
    const formats: MetricFormat[] = ['count', 'money', 'percent', 'hours', 'decimal'];
    for (const f of formats) {
      for (const v of [...numbers, ...micros, null, Number.NaN]) expect(exp.formatMetric(f, v, 'GBP'), `${f} ${v}`).toBe(appFormatMetric(f, v, 'GBP'));
      expect(exp.formatMetric(f, 1234.5, 'JPY')).toBe(appFormatMetric(f, 1234.5, 'JPY'));
    }
    for (const m of [...micros, null]) {
      expect(exp.wholeMoney(m, 'GBP')).toBe(appWholeMoney(m, 'GBP'));
      expect(exp.wholeMoney(m, 'USD')).toBe(appWholeMoney(m, 'USD'));
    }
    for (const v of [0, 0.0042, 0.5, 1, 2, 4.005, 239.2249, 1234.5]) expect(exp.formatMoneyValue(v, 'GBP')).toBe(appFormatMoneyValue(v, 'GBP'));
  });
});
