import type { SourceDraft } from '../../../../shared/domain/sources';
import type { ChannelInput, ConnectionTest, SourceView, SyncRun } from '../../../../shared/ipc/contract';
import { invoke } from '../../lib/ipc';

export const fetchSources = (): Promise<SourceView[]> => invoke('sources:list', {});

/** The token goes to main and on into the OS keychain; the answer never carries it back. */
export const addSource = (draft: SourceDraft): Promise<SourceView> => invoke('sources:add', draft);

export const updateSource = (update: ChannelInput<'sources:update'>): Promise<SourceView> => invoke('sources:update', update);

export const removeSource = (name: string): Promise<{ removed: boolean }> => invoke('sources:remove', { name });

export const testSavedSource = (name: string): Promise<ConnectionTest> => invoke('sources:test', { name });

export const testDraft = (draft: SourceDraft): Promise<ConnectionTest> => invoke('sources:test', { draft });

export const startSync = (opts: { source?: string; full: boolean }): Promise<{ jobId: string }> => invoke('sync:start', opts);

export const cancelSync = (jobId: string): Promise<{ cancelled: boolean }> => invoke('sync:cancel', { jobId });

export const fetchSyncStatus = () => invoke('sync:status', {});

/** The runs the history table shows: the latest 50 across all sources. */
export const HISTORY_LIMIT = 50;
export const fetchSyncHistory = (): Promise<SyncRun[]> => invoke('sync:history', { limit: HISTORY_LIMIT });
