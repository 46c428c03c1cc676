import { useEffect, useState } from 'react';
import { errorMessage, on } from '../../lib/ipc';
import { fetchScorecard } from './pilots-api';
import type { Scorecard } from './scorecard-view-model';

type Answer = { id: number; stamp: string; request: number; data: Scorecard | null; error: string | null };

export type ScorecardState = {
  /** The shown pilot's scorecard; kept on screen while a refresh of the same pilot is on its way. */
  data: Scorecard | null;
  error: string | null;
  loading: boolean;
  reload(): void;
};

/**
 * One pilot's scorecard, fetched when the pilot changes and again when the workspace's data does
 * (a sync, a settings save that re-links) or the pilot itself does (`stamp`: its updatedAt). An
 * answer for another pilot or an older request is never shown.
 */
export function useScorecard(id: number | null, stamp: string): ScorecardState {
  const [request, setRequest] = useState(0);
  const [answer, setAnswer] = useState<Answer | null>(null);

  useEffect(() => on('workspace:data-changed', () => setRequest((n) => n + 1)), []);

  useEffect(() => {
    if (id === null) return;
    let current = true;
    fetchScorecard(id).then(
      (data) => {
        if (current) setAnswer({ id, stamp, request, data, error: null });
      },
      (error: unknown) => {
        if (current) setAnswer({ id, stamp, request, data: null, error: errorMessage(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [id, stamp, request]);

  const mine = answer !== null && answer.id === id ? answer : null;
  return {
    data: mine?.data ?? null,
    error: mine?.error ?? null,
    loading: id !== null && (mine === null || mine.request !== request || mine.stamp !== stamp),
    reload: () => setRequest((n) => n + 1),
  };
}
