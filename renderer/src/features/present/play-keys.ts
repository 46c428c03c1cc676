/*
 * Keyboard navigation of a playing deck, as a reducer: the keys presenters and clickers send
 * (arrows, Space, PageUp/PageDown, Home/End), Esc to leave, and slide numbers. A number is typed
 * digit by digit: it jumps as soon as no longer number could follow (always, in a deck of fewer
 * than ten slides), otherwise on Enter, as in the usual presentation programs.
 */

export type PlayState = { index: number; count: number; /** Digits typed so far ("1" while waiting for "12"). */ pending: string };

export type PlayKey = { key: string; altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean };

export type PlayResult = {
  state: PlayState;
  /** Leave the player. */
  exit: boolean;
  /** The key was ours: prevent its default (scrolling, the browser's own shortcuts). */
  handled: boolean;
};

export const startPlay = (count: number, index = 0): PlayState => ({ index: clamp(index, count), count, pending: '' });

const clamp = (index: number, count: number): number => (count <= 0 ? 0 : Math.max(0, Math.min(count - 1, index)));

const NEXT = new Set(['ArrowRight', 'ArrowDown', 'PageDown', ' ', 'Spacebar', 'Enter', 'n', 'N']);
const PREVIOUS = new Set(['ArrowLeft', 'ArrowUp', 'PageUp', 'Backspace', 'p', 'P']);

export function playKey(state: PlayState, e: PlayKey): PlayResult {
  const go = (index: number): PlayResult => ({ state: { ...state, index: clamp(index, state.count), pending: '' }, exit: false, handled: true });
  if (e.ctrlKey || e.metaKey || e.altKey) return { state, exit: false, handled: false };

  if (/^[0-9]$/.test(e.key)) {
    const pending = `${state.pending}${e.key}`.replace(/^0+/, '');
    const n = Number(pending);
    if (pending === '' || n > state.count) return { state: { ...state, pending: '' }, exit: false, handled: true };
    if (n * 10 > state.count) return go(n - 1);
    return { state: { ...state, pending }, exit: false, handled: true };
  }
  if (e.key === 'Enter' && state.pending !== '') return go(Number(state.pending) - 1);
  if (e.key === 'Escape') {
    if (state.pending !== '') return { state: { ...state, pending: '' }, exit: false, handled: true };
    return { state, exit: true, handled: true };
  }
  if ((e.key === ' ' || e.key === 'Spacebar') && e.shiftKey) return go(state.index - 1);
  if (NEXT.has(e.key)) return go(state.index + 1);
  if (PREVIOUS.has(e.key)) return go(state.index - 1);
  if (e.key === 'Home') return go(0);
  if (e.key === 'End') return go(state.count - 1);
  return { state, exit: false, handled: false };
}

/** The deck changed under the player (a slide removed elsewhere): stay on a slide that exists. */
export const resizePlay = (state: PlayState, count: number): PlayState => (count === state.count ? state : { index: clamp(state.index, count), count, pending: '' });
