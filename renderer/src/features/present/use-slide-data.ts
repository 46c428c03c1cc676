import { useEffect, useMemo, useRef, useState } from 'react';
import { errorMessage, on } from '../../lib/ipc';
import type { SlideView } from '../../../../shared/domain/present/deck';
import { dataKey, fetchSlideData, SlideSourceGone, type SlideData } from './slide-data';

type Answer = { generation: number; data: SlideData | null; error: string | null; gone: boolean; at: number };

export type SlideDataState = {
  data: SlideData | null;
  error: string | null;
  /** The pilot or scenario behind the slide no longer exists. */
  gone: boolean;
  /** Nothing to show yet. */
  loading: boolean;
  /** Figures on screen while newer ones are on their way (the workspace's data changed). */
  refreshing: boolean;
  /** When the figures shown were fetched (ms since the epoch). */
  at: number | null;
};

const LOADING: SlideDataState = { data: null, error: null, gone: false, loading: true, refreshing: false, at: null };

/**
 * Live figures for a list of slides: fetched when the list changes and again whenever the workspace's
 * data does (a sync, an import, a settings change). Figures already shown stay until their newer
 * answer is in; a failed refresh replaces them with its error rather than leave old numbers up.
 */
export function useSlideData(views: readonly SlideView[]): (view: SlideView) => SlideDataState {
  const [generation, setGeneration] = useState(0);
  const [answers, setAnswers] = useState<Record<string, Answer>>({});

  useEffect(() => on('workspace:data-changed', () => setGeneration((g) => g + 1)), []);

  const keys = useMemo(() => [...new Set(views.map(dataKey))].sort().join('\n'), [views]);
  // The views as of the last render, for the fetch below, which follows only the keys and the generation.
  const latest = useRef(views);
  useEffect(() => {
    latest.current = views;
  });

  useEffect(() => {
    let live = true;
    for (const key of keys === '' ? [] : keys.split('\n')) {
      const view = latest.current.find((v) => dataKey(v) === key);
      if (view === undefined) continue;
      fetchSlideData(view).then(
        (data) => {
          if (live) setAnswers((a) => ({ ...a, [key]: { generation, data, error: null, gone: false, at: Date.now() } }));
        },
        (error: unknown) => {
          if (live) setAnswers((a) => ({ ...a, [key]: { generation, data: null, error: errorMessage(error), gone: error instanceof SlideSourceGone, at: Date.now() } }));
        },
      );
    }
    return () => {
      live = false;
    };
  }, [keys, generation]);

  return (view) => {
    const answer = answers[dataKey(view)];
    if (answer === undefined) return LOADING;
    return { data: answer.data, error: answer.error, gone: answer.gone, loading: false, refreshing: answer.generation !== generation, at: answer.at };
  };
}
