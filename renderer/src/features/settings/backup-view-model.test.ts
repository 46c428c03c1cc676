import { describe, expect, it } from 'vitest';
import { backupTarget, formatSize } from './backup-view-model';

describe('backupTarget', () => {
  it('takes an empty field as the workspace backups folder', () => {
    expect(backupTarget('  ')).toEqual({ ok: true, path: null });
  });

  it('accepts absolute file paths on POSIX and Windows', () => {
    expect(backupTarget(' /home/ana/yardstick.sqlite ')).toEqual({ ok: true, path: '/home/ana/yardstick.sqlite' });
    expect(backupTarget('C:\\Users\\ana\\backup.sqlite')).toEqual({ ok: true, path: 'C:\\Users\\ana\\backup.sqlite' });
    expect(backupTarget('\\\\server\\share\\backup.sqlite')).toMatchObject({ ok: true });
  });

  it('refuses relative paths and folders with a reason', () => {
    expect(backupTarget('backup.sqlite')).toMatchObject({ ok: false, error: expect.stringMatching(/full path/) });
    expect(backupTarget('/home/ana/')).toMatchObject({ ok: false, error: expect.stringMatching(/folder/) });
  });
});

describe('formatSize', () => {
  it('formats sizes', () => {
    expect(formatSize(512)).toBe('512 bytes');
    expect(formatSize(20_480)).toBe('20 KB');
    expect(formatSize(12.5 * 1024 * 1024)).toBe('12.5 MB');
  });
});
