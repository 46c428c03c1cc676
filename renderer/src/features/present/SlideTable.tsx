import { useLayoutEffect, useRef } from 'react';
import type { PivotSlideTable } from './pivot-slide-table';

/** How far a short table grows to fill its slide. */
const MAX_GROWTH = 1.6;

/**
 * Fits the table (and its note) to its box: scaled down when it is wider (long headers, names,
 * figures) or taller than the box, up to MAX_GROWTH larger when it is small. It is laid out at the
 * width that makes it fill the box once scaled; transforms leave layout sizes alone, so the
 * measurements are exact.
 */
function fitTable(area: HTMLElement, fit: HTMLElement, table: HTMLElement): void {
  const width = area.clientWidth;
  const height = area.clientHeight;
  if (width === 0 || height === 0) return;
  fit.style.transform = 'none';
  const at = (scale: number) => {
    fit.style.width = `${width / scale}px`;
    return { tableWidth: table.offsetWidth, height: fit.offsetHeight };
  };
  let natural = at(1);
  let scale = Math.min(1, width / Math.max(1, natural.tableWidth));
  natural = at(scale);
  scale = Math.min(scale, height / Math.max(1, natural.height));
  if (scale === 1 && height / natural.height > 1.05) {
    // Room to grow: as far as the height allows, unless the columns then no longer fit across.
    let grown = Math.min(MAX_GROWTH, height / natural.height);
    const narrow = at(grown);
    grown = Math.min(grown, width / Math.max(1, narrow.tableWidth));
    grown = Math.min(grown, height / Math.max(1, at(grown).height));
    scale = Math.max(1, grown);
  }
  at(scale);
  fit.style.transform = scale === 1 ? 'none' : `scale(${scale})`;
  fit.dataset['scale'] = scale.toFixed(2);
}

/**
 * An Explore pivot as a table on a slide (pivot-slide-table.ts shapes it): row labels indented by
 * group, subtotals and the grand total in bold, figures right-aligned in tabular digits. Cells
 * carry Explore's grid ids, so a figure can be matched with the grid's.
 */
export function SlideTable({ table }: { table: PivotSlideTable }) {
  const areaRef = useRef<HTMLDivElement>(null);
  const fitRef = useRef<HTMLDivElement>(null);
  const tableRef = useRef<HTMLTableElement>(null);

  useLayoutEffect(() => {
    const [area, fit, element] = [areaRef.current, fitRef.current, tableRef.current];
    if (area === null || fit === null || element === null) return;
    fitTable(area, fit, element);
    const observer = new ResizeObserver(() => fitTable(area, fit, element));
    observer.observe(area);
    return () => observer.disconnect();
  }, [table]);

  return (
    <div className="slide-table-box">
      <div ref={areaRef} className="slide-table-area">
        <div ref={fitRef} className="slide-table-fit">
          <table ref={tableRef} className="slide-table" data-testid="slide-table">
            <thead>
              {table.groups !== null && (
                <tr>
                  <th scope="col" className="slide-table-blank" />
                  {table.groups.map((g, i) => (
                    <th key={i} scope="colgroup" colSpan={g.span} className={`slide-table-group slide-table-${g.kind}`}>
                      {g.label}
                    </th>
                  ))}
                </tr>
              )}
              <tr>
                <th scope="col" className="slide-table-corner">
                  {table.corner}
                </th>
                {table.columns.map((c) => (
                  <th key={c.colId} scope="col" className={`slide-table-num slide-table-${c.kind}`}>
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((r) => (
                <tr key={r.id} className={`slide-table-row-${r.kind}`} data-testid="slide-table-row" data-row-id={r.id}>
                  <th scope="row" className="slide-table-label" style={r.depth > 1 ? { paddingLeft: `${(r.depth - 1) * 1.6}cqw` } : undefined}>
                    {r.label}
                  </th>
                  {r.cells.map((c, i) => (
                    <td key={c.colId} className={`slide-table-num slide-table-${table.columns[i]?.kind ?? 'leaf'}`} data-col-id={c.colId} data-value={c.value ?? ''}>
                      {c.text}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {table.cut !== null && (
            <p className="slide-legend" data-testid="slide-table-cut">
              {table.cut}
            </p>
          )}
        </div>
      </div>
    </div>
  );
}
