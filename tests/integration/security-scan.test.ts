import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp';

// The electronegativity gate of scripts/security-scan.sh (scripts/electronegativity-scan.mjs): it
// must fail on a HIGH finding and list every finding it got, so a scan cannot pass by losing them.

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const electron = (JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')) as { version: string }).version;
// Asks the internet for Electron's releases and waits for it to fail here; it checks nothing local.
const OFFLINE_ONLY = 'AvailableSecurityFixesGlobalCheck';

function scan(dir: string) {
  const r = spawnSync(process.execPath, ['scripts/electronegativity-scan.mjs', dir, electron], { encoding: 'utf8', env: { ...process.env, ACCEPTED: 'AUXCLICK_JS_CHECK', EXCLUDE: OFFLINE_ONLY }, timeout: 60_000 });
  return { status: r.status, out: r.stdout };
}

describe('electronegativity gate', () => {
  it('fails on a window without context isolation, and lists each finding once', () => {
    const dir = join(tmp.dir, 'unsafe');
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'main.js'),
      "const { BrowserWindow } = require('electron');\nconst w = new BrowserWindow({ webPreferences: { contextIsolation: false, nodeIntegration: true } });\nw.loadURL('https://example.com');\n",
    );
    const r = scan(dir);
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/✗ CONTEXT_ISOLATION_JS_CHECK HIGH\/FIRM main\.js:2:\d+/);
    expect(r.out).toMatch(/accepted AUXCLICK_JS_CHECK MEDIUM/);
    const findings = r.out.split('\n').filter((l) => /^ {2}(✗|accepted|NOT REVIEWED) /.test(l));
    expect(r.out).toContain(`  ${findings.length} finding(s), ${findings.filter((l) => l.startsWith('  ✗')).length} high`);
    expect(findings.filter((l) => l.startsWith('  ✗')).length).toBeGreaterThanOrEqual(1);
  }, 90_000);

  it('says so when a file could not be parsed, instead of passing over it', () => {
    const dir = join(tmp.dir, 'broken');
    mkdirSync(dir);
    writeFileSync(join(dir, 'main.js'), 'const { BrowserWindow } = require("electron"\nnew BrowserWindow({ webPreferences: { contextIsolation: false } ');
    const r = scan(dir);
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/could not parse .*main\.js|file\(s\) not parsed/);
  }, 90_000);
});
