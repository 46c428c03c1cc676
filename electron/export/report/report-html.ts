import { CHART_META, type ChartId } from '../../../shared/domain/charts/ids';
import type { Paper } from './pdf-printer';
import type { Headline, ReportModel, Table, Term } from './report-model';

/** Text for HTML content and attribute values. */
export const esc = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** A CSS string literal (for @page margin boxes): quotes, backslashes and line breaks escaped. */
export const cssString = (text: string): string => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/[\r\n]+/g, ' ')}"`;

/** Page size and margins per paper; the content width the charts are drawn for follows from them. */
export const PAPER: Record<Paper, { css: string; label: string }> = {
  a4: { css: 'A4', label: 'A4' },
  letter: { css: 'letter', label: 'Letter' },
};

/**
 * A chart's size in CSS pixels inside the report: about the printable width of A4 and Letter at
 * 96 dpi; taller where the chart has more rows or a longer footnote (the scenario charts).
 */
export function reportChartSize(id: ChartId, comparedColumns = 2): { width: number; height: number } {
  switch (id) {
    case 'scenario-cost':
      return { width: 680, height: 440 };
    case 'tornado':
      return { width: 680, height: 420 };
    case 'scenario-comparison':
      return { width: 680, height: 200 + 46 * comparedColumns };
    case 'cost-by-kind':
      return { width: 680, height: 300 };
    default:
      return { width: 680, height: 330 };
  }
}

const FONT = "Arial, 'Liberation Sans', Helvetica, 'DejaVu Sans', sans-serif";

function styles(model: ReportModel): string {
  const left = `Yardstick · ${model.heading}: ${model.title}`;
  const right = `Generated ${model.generatedAt}`;
  return `
@page {
  size: ${PAPER[model.paper].css};
  margin: 17mm 15mm 17mm 15mm;
  @top-left { content: ${cssString(left)}; font: 7.5pt ${FONT}; color: #52606d; }
  @top-right { content: ${cssString(right)}; font: 7.5pt ${FONT}; color: #52606d; }
  @bottom-left { content: ${cssString(model.workspaceName)}; font: 7.5pt ${FONT}; color: #52606d; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 7.5pt ${FONT}; color: #52606d; }
}
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font: 9.5pt/1.4 ${FONT}; color: #1f2933; background: #fff; }
h1 { font-size: 21pt; line-height: 1.15; margin: 2mm 0 4mm; }
h2 { font-size: 13pt; margin: 7mm 0 2.5mm; padding-bottom: 1.2mm; border-bottom: 0.6pt solid #cfd6de; break-after: avoid; }
h3 { font-size: 10.5pt; margin: 5mm 0 2mm; break-after: avoid; }
p { margin: 0 0 2mm; }
.eyebrow { text-transform: uppercase; letter-spacing: 0.08em; font-size: 8pt; color: #2f5f96; font-weight: bold; }
.muted, .caption { color: #52606d; }
.caption { font-size: 8.5pt; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 1mm 6mm; margin: 0 0 3mm; }
.facts dt { color: #52606d; }
.facts dd { margin: 0; }
.tiles { display: grid; grid-template-columns: repeat(3, 1fr); gap: 3mm; margin: 0 0 3mm; }
.tile { border: 0.6pt solid #cfd6de; border-radius: 2mm; padding: 2.5mm 3mm; break-inside: avoid; }
.tile .label { font-size: 8.5pt; color: #52606d; }
.tile .value { font-size: 16pt; font-weight: bold; margin-top: 1mm; font-variant-numeric: tabular-nums; }
.tile .note { font-size: 7.5pt; color: #52606d; margin-top: 1mm; }
.warning { border-left: 1.2mm solid #c2700f; background: #fdf3e7; padding: 2mm 3mm; margin: 0 0 3mm; }
figure.chart { margin: 2mm 0 4mm; break-inside: avoid; }
figure.chart svg { display: block; width: 100%; height: auto; }
table { width: 100%; border-collapse: collapse; margin: 0 0 3mm; font-size: 8.5pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th { text-align: left; font-weight: bold; color: #52606d; border-bottom: 0.8pt solid #9aa5b1; padding: 1.2mm 2mm 1.2mm 0; vertical-align: bottom; }
td { border-bottom: 0.4pt solid #e6eaee; padding: 1.2mm 2mm 1.2mm 0; vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.nowrap { white-space: nowrap; }
tr.total td { font-weight: bold; border-top: 0.8pt solid #9aa5b1; }
table.compare td:first-child { color: #52606d; }
table.compact { font-size: 7.5pt; }
.decisions { display: grid; grid-template-columns: 52mm 1fr; gap: 1.5mm 5mm; margin: 0 0 3mm; }
.decisions dt { color: #52606d; break-inside: avoid; }
.decisions dd { margin: 0; break-inside: avoid; }
.keep { break-inside: avoid; }
`;
}

function table(t: Table, opts: { className?: string | undefined; totalRow?: boolean } = {}): string {
  if (t.rows.length === 0) return '<p class="muted">None.</p>';
  const cls = (i: number) => (t.numeric.includes(i) ? ' class="num"' : t.nowrap?.includes(i) ? ' class="nowrap"' : '');
  const head = `<thead><tr>${t.head.map((h, i) => `<th${cls(i)}>${esc(h)}</th>`).join('')}</tr></thead>`;
  const body = t.rows
    .map((row, r) => `<tr${opts.totalRow && r === t.rows.length - 1 ? ' class="total"' : ''}>${row.map((cell, i) => `<td${cls(i)}>${esc(cell)}</td>`).join('')}</tr>`)
    .join('');
  return `<table${opts.className ? ` class="${opts.className}"` : ''}>${head}<tbody>${body}</tbody></table>`;
}

const terms = (items: readonly Term[], className: string) => `<dl class="${className}">${items.map((t) => `<dt>${esc(t.term)}</dt><dd>${esc(t.value)}</dd>`).join('')}</dl>`;

const tile = (h: Headline) =>
  `<div class="tile"><div class="label">${esc(h.label)}</div><div class="value">${esc(h.value)}</div>${h.note ? `<div class="note">${esc(h.note)}</div>` : ''}</div>`;

/** A chart as inline SVG (echarts' own output: its text is escaped and its ids are unique per chart). */
const figure = (id: ChartId, svgs: ReadonlyMap<ChartId, string>) => {
  const svg = svgs.get(id);
  return svg ? `<figure class="chart" data-chart="${id}" aria-label="${esc(CHART_META[id].title)}">${svg}</figure>` : '';
};

/**
 * The report as one self-contained HTML document: inline CSS and SVG, no scripts, no outside
 * resources. Print CSS sets the paper (A4 or Letter), margins, a running header and footer with
 * page numbers, and keeps figures, tiles and table rows whole across page breaks.
 */
export function reportHtml(model: ReportModel, charts: ReadonlyMap<ChartId, string>): string {
  const [first, ...restCharts] = model.charts;
  const scenarioCharts = restCharts.filter((id) => CHART_META[id].basis === 'scenario');
  const costChart = restCharts.find((id) => id === 'cost-by-kind');
  const pilots = model.pilots
    .map(
      (p) => `<div class="pilot">
${model.kind === 'workspace' ? `<h3>${esc(p.name)}</h3>` : ''}
${terms([{ term: 'Owner', value: p.owner }, ...p.scope.map((s) => ({ term: `Scope: ${s.term.toLowerCase()}`, value: s.value }))], 'decisions')}
${terms(p.decisions, 'decisions')}
</div>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(`${model.heading}: ${model.title}`)}</title>
<style>${styles(model)}</style>
</head>
<body>
<header>
<div class="eyebrow">Yardstick · ${esc(model.heading)}</div>
<h1>${esc(model.title)}</h1>
${terms(model.facts, 'facts')}
</header>
${model.warnings.map((w) => `<p class="warning">${esc(w)}</p>`).join('\n')}
<section>
<h2>Headline figures</h2>
<div class="tiles">${model.headline.map(tile).join('')}</div>
<p class="caption">${esc(model.headlineCaption)}</p>
</section>
<section>
<h2>Month by month</h2>
${first ? figure(first, charts) : ''}
${table(model.months, { className: model.months.rows.length <= 14 ? 'keep' : undefined })}
</section>
<section>
<h2>Where the money goes</h2>
${costChart ? figure(costChart, charts) : ''}
${table(model.costKinds, { totalRow: true })}
</section>
${model.signals ? `<section class="keep"><h2>Risk signals</h2>${table(model.signals)}</section>` : ''}
<section>
<div class="keep">
<h2>Scenario comparison</h2>
${model.scenario.lead.map((line) => `<p>${esc(line)}</p>`).join('\n')}
${table(model.scenario.comparison, { className: 'compare' })}
</div>
${scenarioCharts.map((id) => figure(id, charts)).join('\n')}
</section>
<section>
<h2>${model.kind === 'pilot' ? 'Scope and rollout decisions' : 'Pilots: scope and rollout decisions'}</h2>
${pilots || '<p class="muted">No pilots are defined in this workspace.</p>'}
</section>
<section>
<div class="keep">
<h2>Sources</h2>
<p class="caption">${esc(model.sources.note)}</p>
<h3>Connected sources</h3>
${table(model.sources.sources)}
</div>
<h3>Sync runs</h3>
${table(model.sources.syncRuns, { className: 'compact' })}
<h3>Imported files, by format</h3>
${table(model.sources.imports, { className: 'compact' })}
<h3>Exchange rates</h3>
${table(model.sources.rates)}
</section>
</body>
</html>
`;
}
