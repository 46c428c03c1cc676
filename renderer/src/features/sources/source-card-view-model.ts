import type { ConnectionTest, SourceView } from '../../../../shared/ipc/contract';
import { formatDate, formatDateTime } from '../../lib/format';
import { summariseCounts } from './count-summary';
import { CANCELLED_NOTE, INTERRUPTED_NOTE, runStatusLabel, type RunTone } from './sync-status-labels';

export type CardAction = { shown: boolean; disabled: boolean; title: string | null };

export type SourceCardModel = {
  name: string;
  kind: SourceView['kind'];
  /** "Jira Cloud", "Jira Data Center", "GitLab", "File import". */
  kindLabel: string;
  /** Why a source cannot be synced from here ("Demo data — not connected"); null for a connected one. */
  notConnected: string | null;
  url: string | null;
  account: string | null;
  scope: string;
  token: string | null;
  lastSync: { text: string; tone: RunTone; changes: string | null; note: string | null; noteTone: RunTone };
  actions: { test: CardAction; sync: CardAction; fullResync: CardAction; edit: CardAction; remove: CardAction };
};

/** What else is going on that limits this card's buttons. */
export type CardContext = {
  /** A sync job is running or being started (any source): the server refuses a second one. */
  syncBusy: boolean;
  /** This card's connection test is in flight. */
  testing: boolean;
};

export const DEMO_NOTE = 'Demo data — not connected';
export const IMPORT_NOTE = 'Filled by file imports — nothing to connect';
const BUSY_TITLE = 'A sync is running; wait for it or cancel it.';

export function kindLabel(source: Pick<SourceView, 'kind' | 'flavour'>): string {
  if (source.kind === 'jira') return source.flavour === 'datacenter' ? 'Jira Data Center' : source.flavour === 'cloud' ? 'Jira Cloud' : 'Jira';
  return source.kind === 'gitlab' ? 'GitLab' : 'File import';
}

/** "Projects ENG, OPS · JQL labels = ai · From 1 Jan 2026"; "Groups northwind · Projects tools/cli". */
export function scopeText(scope: SourceView['scope']): string {
  if (scope === null) return '—';
  const parts: string[] = [];
  if ('groups' in scope && scope.groups.length > 0) parts.push(`Groups ${scope.groups.join(', ')}`);
  if (scope.projects.length > 0) parts.push(`Projects ${scope.projects.join(', ')}`);
  if ('jql' in scope && scope.jql !== undefined && scope.jql !== '') parts.push(`JQL ${scope.jql}`);
  parts.push(scope.startDate === undefined ? 'All history' : `From ${formatDate(scope.startDate)}`);
  return parts.join(' · ');
}

function lastSync(run: SourceView['lastRun']): SourceCardModel['lastSync'] {
  if (run === null) return { text: 'Never synced', tone: 'neutral', changes: null, note: null, noteTone: 'neutral' };
  const { label, tone } = runStatusLabel(run.status);
  const when = run.status === 'running' ? `since ${formatDateTime(run.startedAt)}` : formatDateTime(run.finishedAt ?? run.startedAt);
  const note =
    run.status === 'cancelled' ? CANCELLED_NOTE : run.status === 'interrupted' ? INTERRUPTED_NOTE : run.status === 'failed' ? (run.error ?? 'Failed without a message.') : null;
  return {
    text: `${label} · ${when}`,
    tone,
    changes: summariseCounts(run.stats) ?? (run.status === 'succeeded' ? 'Nothing new' : null),
    note,
    noteTone: run.status === 'failed' ? 'error' : 'neutral',
  };
}

const action = (shown: boolean, busy: boolean, title: string | null = null): CardAction => ({ shown, disabled: shown && busy, title: shown && busy ? BUSY_TITLE : title });

/**
 * One source card: labels, the last sync in words, and which buttons it has. Demo and import
 * sources have no token and cannot be tested or synced; they can only be removed.
 */
export function sourceCardModel(source: SourceView, context: CardContext): SourceCardModel {
  const connected = source.syncable;
  const remote = source.kind !== 'import';
  return {
    name: source.name,
    kind: source.kind,
    kindLabel: kindLabel(source),
    notConnected: connected ? null : remote ? DEMO_NOTE : IMPORT_NOTE,
    url: source.baseUrl,
    account: source.kind === 'jira' && source.flavour === 'cloud' ? source.email : null,
    scope: scopeText(source.scope),
    token: !remote ? null : source.hasToken ? 'Token in the OS keychain' : 'No token stored',
    lastSync: lastSync(source.lastRun),
    actions: {
      test: { shown: connected, disabled: context.testing, title: null },
      sync: action(connected, context.syncBusy, 'Fetch what changed since the last sync.'),
      fullResync: action(connected, context.syncBusy, 'Fetch everything again from the start date; nothing is duplicated.'),
      edit: { shown: connected, disabled: false, title: null },
      remove: action(true, context.syncBusy),
    },
  };
}

export type ConnectionResultModel = { ok: boolean; text: string };

/** "Connected as Mia Krystof · Jira Cloud 1001.0", or the server's reason in plain words. */
export function connectionResult(result: ConnectionTest): ConnectionResultModel {
  if (result.ok) return { ok: true, text: `Connected as ${result.identity}${result.server === null ? '' : ` · ${result.server}`}` };
  return { ok: false, text: result.message };
}

const SYNCED_DATA: Record<SourceView['kind'], string> = {
  jira: 'everything synced from it (issues, worklogs and their history)',
  gitlab: 'everything synced from it (merge requests, pipelines, jobs and review notes)',
  import: 'everything imported into it',
};

/** The confirmation sentence for Remove: exactly what goes (main removes all of it in one call). */
export function removalConsequences(source: Pick<SourceView, 'name' | 'kind' | 'hasToken'>): string {
  const keychain = source.hasToken ? ' and its token in the OS keychain' : '';
  return `This removes the source “${source.name}”, ${SYNCED_DATA[source.kind]}${keychain}. Figures are recalculated without it.`;
}
