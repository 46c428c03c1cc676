import { useCallback, useState, type RefObject } from 'react';
import { pseudonym } from '../../../../shared/domain/people';
import { downloadCsv } from '../../lib/download';
import { errorMessage } from '../../lib/ipc';
import { fetchWorkspaceName, type RecordsList } from './records-api';
import { recordColumns } from './record-columns';
import { recordsCsv, shownColumns } from './records-csv';
import type { RecordsGridHandle } from './RecordsGrid';
import { hasPeople } from './records-view-model';

/**
 * "Export CSV" on the Records tab: the grid as shown (main's filtered rows in the grid's sort, its
 * columns in their order) saved as "yardstick-records-<pilot or workspace>-<yyyy-mm-dd>.csv".
 */
export function useRecordsCsv(list: RecordsList | null, pilot: string | null, grid: RefObject<RecordsGridHandle | null>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const exportCsv = useCallback(async () => {
    if (list === null) return;
    setBusy(true);
    setError(null);
    try {
      const workspace = await fetchWorkspaceName();
      const shown = grid.current?.shown() ?? null;
      const columns = shownColumns(recordColumns(list.currency, { person: hasPeople(list.rows) }), shown?.columnIds ?? null);
      const text = recordsCsv({ rows: shown?.rows ?? list.rows, columns, currency: list.currency, pseudonym: (name) => pseudonym(name, workspace) });
      downloadCsv('yardstick-records', pilot ?? workspace, text);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }, [list, pilot, grid]);

  return { exportCsv, busy, error, dismissError: useCallback(() => setError(null), []) };
}
