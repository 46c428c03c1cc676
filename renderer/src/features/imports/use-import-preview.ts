import { useEffect, useRef, useState } from 'react';
import type { ImportPreview } from '../../../../shared/ipc/contract';
import { errorMessage } from '../../lib/ipc';
import { previewImport, type PreviewInput } from './imports-api';
import { requestKey } from './read-as-model';

export type PreviewState = {
  /** The latest answer; kept on screen while a newer request is on its way. */
  preview: ImportPreview | null;
  /** The request the shown preview answers; compare with the current one to know whether it is current. */
  answeredKey: string | null;
  /** The file's own column names from the latest answer that found any, for the mapping editor. */
  fileColumns: string[];
  loading: boolean;
  error: string | null;
  retry(): void;
};

/**
 * Fetches imports:preview for the current request, `delayMs` after it last changed (the mapping
 * editor asks on every keystroke). Only the newest request may write, so a slow answer for an
 * older mapping never replaces a newer one. A null request keeps what is shown.
 */
export function useImportPreview(request: PreviewInput | null, delayMs: number): PreviewState & { currentKey: string | null } {
  const key = request === null ? null : requestKey(request.path, request);
  const [state, setState] = useState<Omit<PreviewState, 'retry'>>({ preview: null, answeredKey: null, fileColumns: [], loading: false, error: null });
  const [attempt, setAttempt] = useState(0);
  const latest = useRef(0);
  const requestRef = useRef(request);
  const shown = useRef(false);
  useEffect(() => {
    requestRef.current = request;
    shown.current = state.preview !== null;
  });

  useEffect(() => {
    if (key === null) return;
    latest.current += 1;
    const mine = latest.current;
    // The first preview is asked for at once; later ones wait for the edits to settle.
    const timer = window.setTimeout(
      () => {
        // Read when the timer fires: `key` identifies the request, the ref holds its latest form.
        const input = requestRef.current;
        if (input === null) return;
        setState((current) => ({ ...current, loading: true, error: null }));
        previewImport(input).then(
          (preview) => {
            if (mine !== latest.current) return;
            setState((current) => ({ preview, answeredKey: key, fileColumns: preview.fileColumns.length > 0 ? preview.fileColumns : current.fileColumns, loading: false, error: null }));
          },
          (error: unknown) => {
            if (mine === latest.current) setState((current) => ({ ...current, loading: false, error: errorMessage(error) }));
          },
        );
      },
      shown.current ? delayMs : 0,
    );
    return () => window.clearTimeout(timer);
  }, [key, attempt, delayMs]);

  return { ...state, currentKey: key, retry: () => setAttempt((n) => n + 1) };
}
