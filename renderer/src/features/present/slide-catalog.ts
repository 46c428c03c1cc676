import { DIMENSIONS } from '../../../../shared/domain/pivot/fields';
import type { PivotSlideChart, SlideView, SlideViewId } from '../../../../shared/domain/present/deck';

/** What the "Add slide" form offers, and what each view needs chosen first. */
export const VIEW_CHOICES: readonly { id: SlideViewId; label: string; needs: 'period' | 'pilot' | 'scenario' | 'saved-view' }[] = [
  { id: 'overview-figures', label: 'Overview: headline figures', needs: 'period' },
  { id: 'overview-cost', label: 'Overview: cost per accepted PR/MR by month', needs: 'period' },
  { id: 'pilot-figures', label: 'Pilot: headline figures', needs: 'pilot' },
  { id: 'pilot-monthly', label: 'Pilot: accepted and cost by month', needs: 'pilot' },
  { id: 'scenario-figures', label: 'Scenario: headline figures', needs: 'scenario' },
  { id: 'scenario-cost', label: 'Scenario: cost per month', needs: 'scenario' },
  { id: 'pivot', label: 'Explore: a saved pivot view', needs: 'saved-view' },
];

/** How a pivot slide can draw its pivot, in the words of Explore's chart types. */
export const PIVOT_CHART_LABELS: Record<PivotSlideChart, string> = { table: 'Table', bar: 'Bar', stacked: 'Stacked bar', line: 'Line', heatmap: 'Heatmap' };

/** The title a slide shows until the user gives it one: the chart's own title on its page. */
export function defaultTitle(view: SlideView): string {
  switch (view.view) {
    case 'overview-cost':
      return 'Cost per accepted PR/MR by month';
    case 'overview-figures':
      return 'Headline figures';
    case 'pilot-monthly':
      return `${view.pilot.name}: by month`;
    case 'pilot-figures':
      return `${view.pilot.name}: headline figures`;
    case 'scenario-cost':
      return `${view.scenario}: cost per month`;
    case 'scenario-figures':
      return `${view.scenario}: headline figures`;
    case 'pivot':
      return view.title;
  }
}

/** Where the slide's figures come from, in a few words, for the slide list. */
export function viewSummary(view: SlideView): string {
  switch (view.view) {
    case 'overview-cost':
    case 'overview-figures':
      return `Overview · ${view.period === null ? 'latest full quarter' : periodText(view.period)}`;
    case 'pilot-monthly':
    case 'pilot-figures':
      return `Pilot · ${view.pilot.name}`;
    case 'scenario-cost':
    case 'scenario-figures':
      return `Scenario · ${view.scenario} (saved version)`;
    case 'pivot': {
      const name = (dims: readonly (keyof typeof DIMENSIONS)[]) => dims.map((d) => DIMENSIONS[d].label).join(', ');
      const layout = [view.spec.rows.length > 0 ? name(view.spec.rows) : null, view.spec.cols.length > 0 ? name(view.spec.cols) : null].filter((p) => p !== null).join(' × ');
      return `Explore · ${PIVOT_CHART_LABELS[view.chart].toLowerCase()}${layout === '' ? '' : ` · ${layout}`}${view.spec.filters.length > 0 ? ' · filtered' : ''}`;
    }
  }
}

const periodText = (p: { from: string; to: string }): string => quarterLabel(p) ?? `${p.from} – ${p.to}`;

/** "Q3 2026" when the period is exactly a calendar quarter, else null. */
export function quarterLabel(p: { from: string; to: string }): string | null {
  const m = /^(\d{4})-(\d{2})-01$/.exec(p.from);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if ((month - 1) % 3 !== 0) return null;
  const q = quarterOf(year, month);
  return q.to === p.to ? `Q${(month + 2) / 3} ${year}` : null;
}

/** The calendar quarter starting in `month` (1, 4, 7 or 10) of `year`. */
function quarterOf(year: number, month: number): { from: string; to: string } {
  const lastMonth = month + 2;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return { from: `${year}-${String(month).padStart(2, '0')}-01`, to: `${year}-${String(lastMonth).padStart(2, '0')}-${String(lastDay).padStart(2, '0')}` };
}

/**
 * Calendar quarters from the data's first date to its last, newest first, for the period choice.
 * Partial quarters at either end are offered too: the Overview reads whatever falls inside.
 */
export function quartersBetween(from: string, to: string): { label: string; period: { from: string; to: string } }[] {
  const start = /^(\d{4})-(\d{2})/.exec(from);
  const end = /^(\d{4})-(\d{2})/.exec(to);
  if (!start || !end) return [];
  const out: { label: string; period: { from: string; to: string } }[] = [];
  let year = Number(start[1]);
  let month = Math.floor((Number(start[2]) - 1) / 3) * 3 + 1;
  const endKey = Number(end[1]) * 12 + Number(end[2]);
  while (year * 12 + month <= endKey && out.length < 200) {
    out.push({ label: `Q${(month + 2) / 3} ${year}`, period: quarterOf(year, month) });
    month += 3;
    if (month > 12) {
      month -= 12;
      year += 1;
    }
  }
  return out.reverse();
}

/** Whether two slides show the same thing (a pilot by id: its name may have changed since; a pivot drawn the same way, whatever its title). */
export function sameView(a: SlideView, b: SlideView): boolean {
  if (a.view !== b.view) return false;
  if (a.view === 'pivot' && b.view === 'pivot') return a.chart === b.chart && a.measure === b.measure && JSON.stringify(a.spec) === JSON.stringify(b.spec);
  if ('pilot' in a && 'pilot' in b) return a.pilot.id === b.pilot.id;
  if ('scenario' in a && 'scenario' in b) return a.scenario === b.scenario;
  if ('period' in a && 'period' in b) return (a.period?.from ?? null) === (b.period?.from ?? null) && (a.period?.to ?? null) === (b.period?.to ?? null);
  return false;
}
