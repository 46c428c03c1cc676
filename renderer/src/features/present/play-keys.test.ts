import { describe, expect, it } from 'vitest';
import { playKey, resizePlay, startPlay, type PlayKey, type PlayState } from './play-keys';

const k = (key: string, mods: Partial<PlayKey> = {}): PlayKey => ({ key, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, ...mods });

/** Presses keys in turn; returns the final state and whether any asked to exit. */
function press(state: PlayState, ...keys: (string | PlayKey)[]): { state: PlayState; exit: boolean } {
  let exit = false;
  for (const key of keys) {
    const r = playKey(state, typeof key === 'string' ? k(key) : key);
    state = r.state;
    exit ||= r.exit;
  }
  return { state, exit };
}

describe('play keys', () => {
  it('moves forward with →, Space, PageDown, ↓ and back with ←, PageUp, ↑, Shift+Space; stops at the ends', () => {
    const s = startPlay(5);
    expect(press(s, 'ArrowRight').state.index).toBe(1);
    expect(press(s, ' ', 'PageDown', 'ArrowDown').state.index).toBe(3);
    expect(press(s, 'End', 'ArrowLeft', 'PageUp', 'ArrowUp').state.index).toBe(1);
    expect(press(s, 'End', k(' ', { shiftKey: true })).state.index).toBe(3);
    expect(press(s, 'ArrowLeft', 'PageUp').state.index).toBe(0);
    expect(press(s, 'End', 'ArrowRight', ' ').state.index).toBe(4);
  });

  it('Home and End go to the first and last slide', () => {
    expect(press(startPlay(7, 3), 'End').state.index).toBe(6);
    expect(press(startPlay(7, 3), 'Home').state.index).toBe(0);
  });

  it('Esc exits', () => {
    const r = playKey(startPlay(3, 1), k('Escape'));
    expect(r.exit).toBe(true);
    expect(r.handled).toBe(true);
  });

  it('a digit jumps at once in a deck of fewer than ten slides; out of range does nothing', () => {
    expect(press(startPlay(5), '3').state).toEqual({ index: 2, count: 5, pending: '' });
    expect(press(startPlay(5, 1), '9').state).toEqual({ index: 1, count: 5, pending: '' });
    expect(press(startPlay(5, 1), '0').state).toEqual({ index: 1, count: 5, pending: '' });
  });

  it('in a longer deck, digits wait for Enter or for a number no other digit could extend', () => {
    const s = startPlay(12, 4);
    const one = press(s, '1').state;
    expect(one).toEqual({ index: 4, count: 12, pending: '1' });
    expect(press(one, 'Enter').state).toEqual({ index: 0, count: 12, pending: '' });
    expect(press(one, '2').state).toEqual({ index: 11, count: 12, pending: '' });
    expect(press(s, '7').state.index).toBe(6);
    expect(press(s, '1', '5').state).toEqual({ index: 4, count: 12, pending: '' });
  });

  it('Esc with a number typed drops the number and stays in the show', () => {
    const r = press(startPlay(12, 2), '1', 'Escape');
    expect(r.exit).toBe(false);
    expect(r.state).toEqual({ index: 2, count: 12, pending: '' });
  });

  it('leaves keys with Ctrl, Alt or Cmd, and unknown keys, to others', () => {
    const s = startPlay(5, 2);
    for (const key of [k('ArrowRight', { ctrlKey: true }), k('1', { altKey: true }), k('r', { metaKey: true }), k('q'), k('Tab')]) {
      const r = playKey(s, key);
      expect(r.handled).toBe(false);
      expect(r.state).toBe(s);
    }
  });

  it('stays on a slide that exists when the deck shrinks under the player', () => {
    expect(resizePlay(startPlay(5, 4), 3)).toEqual({ index: 2, count: 3, pending: '' });
    expect(resizePlay(startPlay(5, 1), 0)).toEqual({ index: 0, count: 0, pending: '' });
    const s = startPlay(5, 1);
    expect(resizePlay(s, 5)).toBe(s);
  });
});
