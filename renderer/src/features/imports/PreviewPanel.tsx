import { DefinitionList } from '../../components/DefinitionList';
import { Notice } from '../../components/Notice';
import { formatCount } from '../../lib/format';
import type { PreviewModel } from './import-preview-view-model';
import type { PresetId } from './read-as-model';

type PreviewPanelProps = {
  model: PreviewModel;
  /** A newer request is on its way (the shown preview answers an older one). */
  refreshing: boolean;
  /** Shown for unrecognised files when no mapping is being edited. */
  onMapColumns: (() => void) | null;
  /** Switches "Read as" to the preset the file looks like. */
  onReadAs: ((preset: PresetId) => void) | null;
};

/** What the file holds and how it will be read: format, facts, warnings, the first rows and their problems. */
export function PreviewPanel({ model, refreshing, onMapColumns, onReadAs }: PreviewPanelProps) {
  return (
    <section className={`import-preview${refreshing ? ' is-refreshing' : ''}`} data-testid="import-preview" data-format={model.formatId} aria-busy={refreshing} aria-label="Preview">
      <DefinitionList
        items={[
          {
            term: 'Format',
            value: (
              <>
                <strong className={model.recognised ? undefined : 'text-warning'} data-testid="import-format">
                  {model.formatText}
                </strong>
                {refreshing && <span className="muted small"> · reading again…</span>}
              </>
            ),
          },
          ...model.facts,
        ]}
      />
      {model.problem !== null && (
        <Notice tone="error" testId="import-problem">
          {model.problem}
        </Notice>
      )}
      {model.looksLike !== null && (
        <Notice tone="warning" testId="import-looks-like">
          <p>{model.looksLike}</p>
          {model.switchTo !== null && onReadAs !== null && (
            <button type="button" className="button button-small notice-action" data-testid="import-switch-format" onClick={() => model.switchTo !== null && onReadAs(model.switchTo.id)}>
              Read it as {model.switchTo.label}
            </button>
          )}
        </Notice>
      )}
      {model.alreadyImported !== null && (
        <Notice tone="info" testId="import-already">
          {model.alreadyImported}
        </Notice>
      )}
      {model.offerMapping && onMapColumns !== null && (
        <Notice tone="warning" testId="import-unrecognised">
          <p>This file matches none of the formats Yardstick knows. Tell it which column is which, once; the mapping can be saved for next time.</p>
          <button type="button" className="button button-small notice-action" data-testid="import-map-columns" onClick={onMapColumns}>
            Map its columns…
          </button>
        </Notice>
      )}
      {model.rows.length > 0 && (
        <div className="preview-rows">
          <h4 className="section-title">First rows as they will be read</h4>
          <div className="table-scroll">
            <table className="table table-compact preview-table">
              <thead>
                <tr>
                  <th scope="col" className="num">
                    Line
                  </th>
                  {model.columns.map((column) => (
                    <th scope="col" key={column.key}>
                      {column.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {model.rows.map((row) => (
                  <tr key={row.line} data-testid="import-preview-row">
                    <td className="num muted">{formatCount(row.line)}</td>
                    {row.cells.map((cell, index) => (
                      <td key={model.columns[index]?.key ?? index}>{cell}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
      {model.rejections.length > 0 && (
        <div className="preview-rejections">
          <h4 className="section-title text-danger">{model.rejectionSummary}</h4>
          <ul className="rejection-list">
            {model.rejections.map((rejection) => (
              <li key={`${rejection.line}-${rejection.reason}`} data-testid="import-rejection" data-line={rejection.line}>
                <span className="rejection-line">Line {formatCount(rejection.line)}</span> {rejection.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
