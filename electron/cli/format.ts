import type { WorkspaceStatus } from '../../shared/ipc/contract';

/** Human-readable status for the terminal; `--format json` prints the contract's object instead. */
export function formatStatus(s: WorkspaceStatus): string {
  const lines = [
    `Workspace   ${s.name}${s.isDemo ? ' (demo)' : ''}`,
    `Folder      ${s.dir}`,
    `Schema      v${s.schemaVersion}   Currency ${s.currency}`,
    `Data range  ${s.dataRange ? `${s.dataRange.from.slice(0, 10)} – ${s.dataRange.to.slice(0, 10)}` : 'no records yet'}`,
    `Last sync   ${s.lastSyncAt ?? 'never'}`,
    `Last import ${s.lastImport ? `${s.lastImport.fileName} (${s.lastImport.rowsImported} rows, ${s.lastImport.at})` : 'none'}`,
    '',
    'Sources',
    ...(s.sources.length ? s.sources.map((src) => `  ${src.name.padEnd(24)} ${src.kind.padEnd(7)} ${src.lastSyncStatus ?? '-'} ${src.lastSyncAt ?? ''}`) : ['  none']),
    '',
    'Rows per table',
    ...s.tables.map((t) => `  ${t.name.padEnd(26)} ${String(t.rows).padStart(9)}`),
  ];
  return lines.join('\n');
}
