import { HIGHLIGHT_LABELS, type Highlight } from './pivot-view-model';

type ExploreToolbarProps = {
  display: 'grid' | 'chart';
  onDisplay: (display: 'grid' | 'chart') => void;
  highlight: Highlight;
  onHighlight: (mode: Highlight) => void;
  hasGroups: boolean;
  onExpandAll: () => void;
  onCollapseAll: () => void;
  canExport: boolean;
  onExportCsv: () => void;
  onExportXlsx: () => void;
};

const HIGHLIGHT_HINTS: Record<Highlight, string> = {
  none: 'No highlighting',
  scale: 'Tints each measure’s cells from its smallest to its largest value (subtotals and totals untinted)',
  'vs-total': 'Marks ratio cells above (orange) or below (blue) the grand total’s value in their column',
};

/** Grid or chart, highlighting, expand and collapse, export. */
export function ExploreToolbar(p: ExploreToolbarProps) {
  return (
    <div className="explore-toolbar" role="toolbar" aria-label="Pivot display">
      <div className="segmented" role="radiogroup" aria-label="Show as">
        {(['grid', 'chart'] as const).map((d) => (
          <label key={d} className="segmented-option">
            <input type="radio" name="explore-display" value={d} checked={p.display === d} onChange={() => p.onDisplay(d)} data-testid={`show-${d}`} />
            <span>{d === 'grid' ? 'Grid' : 'Chart'}</span>
          </label>
        ))}
      </div>
      {p.display === 'grid' && (
        <>
          <button type="button" className="button button-small" onClick={p.onExpandAll} disabled={!p.hasGroups} data-testid="expand-all">
            Expand all
          </button>
          <button type="button" className="button button-small" onClick={p.onCollapseAll} disabled={!p.hasGroups} data-testid="collapse-all">
            Collapse all
          </button>
          <label className="explore-highlight" title={HIGHLIGHT_HINTS[p.highlight]}>
            <span>Highlight</span>
            <select className="input select" value={p.highlight} onChange={(e) => p.onHighlight(e.target.value as Highlight)} data-testid="highlight">
              {(Object.keys(HIGHLIGHT_LABELS) as Highlight[]).map((h) => (
                <option key={h} value={h} title={HIGHLIGHT_HINTS[h]}>
                  {HIGHLIGHT_LABELS[h]}
                </option>
              ))}
            </select>
          </label>
        </>
      )}
      <span className="explore-toolbar-spacer" />
      <button
        type="button"
        className="button button-small"
        onClick={p.onExportCsv}
        disabled={!p.canExport}
        data-testid="export-csv"
        title="The rows and columns as shown, with the grid’s formats; people are pseudonymised, as in every export"
      >
        Export CSV
      </button>
      <button
        type="button"
        className="button button-small"
        onClick={p.onExportXlsx}
        disabled={!p.canExport}
        data-testid="export-xlsx"
        title="The rows and columns as shown, as a workbook with numbers and the grid’s formats"
      >
        Export XLSX
      </button>
    </div>
  );
}
