import { describe, expect, it } from 'vitest';
import { parseRoute, routeForShortcut, routeHash, shortcutLabel } from './routes';

const key = (code: string, mods: Partial<{ altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }> = {}) => ({
  altKey: true,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  code,
  ...mods,
});

describe('routes', () => {
  it('parses page hashes and rejects everything else', () => {
    expect(parseRoute('#/explore')).toBe('explore');
    expect(parseRoute('#/settings/')).toBe('settings');
    expect(parseRoute('#/present')).toBe('present');
    expect(parseRoute('#/nowhere')).toBeNull();
    expect(parseRoute('#token=abc')).toBeNull();
    expect(parseRoute('')).toBeNull();
    expect(routeHash('records')).toBe('#/records');
  });

  it('maps Alt+1 … Alt+8 to the nav in order', () => {
    expect(routeForShortcut(key('Digit1'))).toBe('overview');
    expect(routeForShortcut(key('Digit7'))).toBe('settings');
    expect(routeForShortcut(key('Numpad6'))).toBe('sources');
    expect(routeForShortcut(key('Digit8'))).toBe('present');
    expect(routeForShortcut(key('Digit9'))).toBeNull();
    expect(routeForShortcut(key('Digit1', { altKey: false }))).toBeNull();
    expect(routeForShortcut(key('Digit1', { ctrlKey: true }))).toBeNull();
    expect(routeForShortcut(key('KeyA'))).toBeNull();
    expect(shortcutLabel('scenarios')).toBe('Alt+5');
  });
});
