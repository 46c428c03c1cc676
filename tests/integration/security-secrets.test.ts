import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';
import { inflateRawSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeServer } from '../servers/fake-server';
import { gitlabDatasetFromBundle, startGitLabServer, type GitLabDataset } from '../servers/gitlab-server';
import { jiraDatasetFromBundle, startJiraServer, type JiraDataset } from '../servers/jira-server';
import { assertBuilt, runCli } from '../support/cli';
import { keychainAvailable, testSecrets, uniqueToken } from '../support/keychain';
import { smallBundle } from '../support/sync-harness';
import { tempDir } from '../support/temp';

const hasKeychain = await keychainAvailable();
const bundle = smallBundle(5, 0.04);
const root = fileURLToPath(new URL('../..', import.meta.url));
const EMAIL = 'secrets@northwind.example';

/** Every file under a folder, with its bytes. */
function filesUnder(dir: string): { file: string; bytes: Buffer }[] {
  const out: { file: string; bytes: Buffer }[] = [];
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else out.push({ file: p, bytes: readFileSync(p) });
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

/** The entries of a ZIP file (an XLSX), inflated: enough of the format for reading what a writer put in. */
function unzip(zip: Buffer): { name: string; bytes: Buffer }[] {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a ZIP file');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const out: { name: string; bytes: Buffer }[] = [];
  for (let i = 0; i < count; i += 1) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const next = at + 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const local = zip.readUInt32LE(at + 42);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + size);
    out.push({ name, bytes: method === 8 ? inflateRawSync(data) : data });
    at = next;
  }
  return out;
}

/** Whether poppler's pdftotext is installed (Debian: poppler-utils). */
const hasPdfToText = spawnSync('pdftotext', ['-v']).error === undefined;

/** A PDF's text (poppler's pdftotext); its compressed streams hide text from a byte search. */
function pdfText(file: string): Buffer {
  const r = spawnSync('pdftotext', [file, '-'], { encoding: 'buffer' });
  if (r.error || r.status !== 0) throw new Error(`pdftotext failed on ${file}: ${r.error?.message ?? r.stderr.toString()}`);
  return r.stdout;
}

describe.skipIf(!hasKeychain)('source tokens stay in the keychain', () => {
  let jira: FakeServer<JiraDataset>;
  let gitlab: FakeServer<GitLabDataset>;
  let base: string;
  let ws: string;
  let exportsDir: string;
  let cleanup: () => void;
  // Distinctive tokens: the real ones, and wrong ones whose requests fail with 401.
  const jiraToken = uniqueToken('jira-secret');
  const glToken = uniqueToken('gitlab-secret');
  const badJiraToken = uniqueToken('bad-jira-secret');
  const badGlToken = uniqueToken('bad-gitlab-secret');
  /** Every CLI run's stdout and stderr. */
  const outputs: { args: string; stdout: string; stderr: string }[] = [];
  /** Workspace files looked at after each run (the WAL changes from run to run), and those holding a token. */
  let filesScanned = 0;
  let walSeen = false;
  const leaks: string[] = [];

  const forms = (token: string, email?: string) => [
    token,
    // Pieces, in case something truncates or splits it.
    token.slice(0, 24),
    token.slice(-24),
    Buffer.from(token, 'utf8').toString('base64'),
    Buffer.from(token, 'utf16le').toString('latin1'),
    ...(email ? [Buffer.from(`${email}:${token}`).toString('base64')] : []),
  ];
  const secrets = [...forms(jiraToken, EMAIL), ...forms(badJiraToken, EMAIL), ...forms(glToken), ...forms(badGlToken)];
  const holdsSecret = (bytes: Buffer) => secrets.some((secret) => bytes.includes(Buffer.from(secret, 'latin1')));
  /** Scans the workspace as it is now (snapshots are not kept: a demo database is tens of megabytes). */
  const scanWorkspace = () => {
    for (const { file, bytes } of filesUnder(ws)) {
      filesScanned += 1;
      if (file.endsWith('-wal') && bytes.length > 0) walSeen = true;
      if (holdsSecret(bytes)) leaks.push(relative(base, file));
    }
  };

  const cli = async (args: string[], input?: string, exportName?: string) => {
    const r = await runCli(args, input === undefined ? {} : { input });
    outputs.push({ args: args.join(' '), stdout: r.stdout, stderr: r.stderr });
    scanWorkspace();
    if (exportName) writeFileSync(join(exportsDir, exportName), r.stdout);
    return r;
  };

  beforeAll(async () => {
    assertBuilt();
    jira = await startJiraServer({ flavour: 'cloud', auth: { email: EMAIL, token: jiraToken }, data: jiraDatasetFromBundle(bundle) });
    gitlab = await startGitLabServer({ token: glToken, data: gitlabDatasetFromBundle(bundle) });
    const t = tempDir();
    cleanup = t.cleanup;
    base = t.dir;
    ws = join(t.dir, 'ws');
    exportsDir = join(t.dir, 'exports');
    mkdirSync(exportsDir);
    expect((await runCli(['demo', '--workspace', ws])).status).toBe(0);
  }, 120_000);

  afterAll(async () => {
    for (const name of ['Jira', 'GitLab', 'Bad Jira', 'Bad GitLab']) await runCli(['source', 'remove', '--workspace', ws, '--name', name]);
    await jira?.close();
    await gitlab?.close();
    cleanup?.();
  });

  it('adds, tests, syncs and exports with distinctive tokens', async () => {
    // A reader held open across the runs keeps the WAL file in place (the last connection to close would remove it).
    const reader = new Database(join(ws, 'yardstick.sqlite'), { readonly: true });
    reader.prepare('SELECT count(*) FROM sources').pluck().get();
    try {
      const add = (kind: string, name: string, url: string, scope: string[], token: string) =>
        cli(['source', 'add', kind, '--workspace', ws, '--name', name, '--url', url, ...(kind === 'jira' ? ['--email', EMAIL] : []), ...scope, '--token-stdin'], token);
      expect((await add('jira', 'Jira', jira.url, ['--projects', 'PLAT,PAY,MOB,DATA'], jiraToken)).status).toBe(0);
      expect((await add('gitlab', 'GitLab', gitlab.url, ['--groups', 'northwind'], glToken)).status).toBe(0);
      expect((await add('jira', 'Bad Jira', jira.url, ['--projects', 'PLAT'], badJiraToken)).status).toBe(0);
      expect((await add('gitlab', 'Bad GitLab', gitlab.url, ['--groups', 'northwind'], badGlToken)).status).toBe(0);
      for (const name of ['Jira', 'GitLab', 'Bad Jira', 'Bad GitLab']) await cli(['source', 'test', '--workspace', ws, '--name', name]);
      const sync = await cli(['sync', '--workspace', ws, '--format', 'json']);
      expect(sync.stdout).toMatch(/"status": "failed"/);
      expect(sync.stdout).toMatch(/"status": "succeeded"/);
      await cli(['sync', '--workspace', ws]);
      await cli(['source', 'list', '--workspace', ws]);
      await cli(['source', 'list', '--workspace', ws, '--format', 'json'], undefined, 'sources.json');
      await cli(['status', '--workspace', ws, '--format', 'json'], undefined, 'status.json');
      await cli(['records', '--workspace', ws, '--format', 'csv'], undefined, 'records.csv');
      await cli(['records', '--workspace', ws, '--format', 'json', '--real-names'], undefined, 'records.json');
      await cli(['metrics', '--workspace', ws, '--by', 'team', '--format', 'csv'], undefined, 'metrics.csv');
      await cli(['metrics', '--workspace', ws, '--format', 'json'], undefined, 'metrics.json');
      await cli(['pivot', '--workspace', ws, '--rows', 'team', '--cols', 'month', '--values', 'accepted,cost_per_accepted', '--format', 'csv'], undefined, 'pivot.csv');
      await cli(['pivot', '--workspace', ws, '--rows', 'repository', '--values', 'accepted', '--format', 'json'], undefined, 'pivot.json');
      await cli(['facts', '--workspace', ws, '--format', 'csv', '--real-names'], undefined, 'facts.csv');
      await cli(['imports', 'list', '--workspace', ws, '--format', 'json'], undefined, 'imports.json');
      await cli(['scenario', 'calibrate', 'Secrets', '--workspace', ws]);
      await cli(['scenario', 'show', 'Secrets', '--workspace', ws, '--format', 'csv'], undefined, 'scenario.csv');
      // File exports (XLSX worksheet, PDF report, chart images), in builds that have them.
      if (/yardstick export worksheet/.test((await runCli(['--help'])).stdout)) {
        const exported = [
          ['worksheet', '--out', join(exportsDir, 'worksheet.xlsx')],
          ['report', '--out', join(exportsDir, 'report.pdf')],
          ['chart', '--chart', 'cost-per-accepted', '--out', join(exportsDir, 'chart.svg')],
          ['chart', '--chart', 'cost-by-kind', '--out', join(exportsDir, 'chart.png')],
        ];
        for (const [kind, ...rest] of exported) {
          const r = await cli(['export', kind!, '--workspace', ws, ...rest]);
          expect(r.status, `export ${kind}: ${r.stderr}`).toBe(0);
        }
      }
      scanWorkspace();
      expect(walSeen).toBe(true);
    } finally {
      reader.close();
    }
    expect(readFileSync(join(exportsDir, 'records.csv'), 'utf8').split('\n').length).toBeGreaterThan(100);
    expect(readFileSync(join(exportsDir, 'facts.csv'), 'utf8').split('\n').length).toBeGreaterThan(100);
    expect(existsSync(join(ws, 'logs', 'sync.log'))).toBe(true);
  }, 240_000);

  it('keeps each token in the keychain, and the database only a reference to it', async () => {
    const db = new Database(join(ws, 'yardstick.sqlite'), { readonly: true });
    const refs = db.prepare('SELECT name, secret_ref AS ref FROM sources WHERE secret_ref IS NOT NULL ORDER BY name').all() as { name: string; ref: string }[];
    db.close();
    const want: Record<string, string> = { Jira: jiraToken, GitLab: glToken, 'Bad Jira': badJiraToken, 'Bad GitLab': badGlToken };
    expect(refs.map((r) => r.name).sort()).toEqual(Object.keys(want).sort());
    for (const { name, ref } of refs) {
      expect(await testSecrets().get(ref), name).toBe(want[name]);
      expect(ref).not.toContain(want[name]);
    }
  });

  it('never writes a token to the database, its WAL, logs, outputs, errors or exports', () => {
    // The search finds a token in any of the forms looked for (a check of the check).
    expect(holdsSecret(Buffer.from(`..${jiraToken}..`))).toBe(true);
    expect(holdsSecret(Buffer.from(`Basic ${Buffer.from(`${EMAIL}:${badJiraToken}`).toString('base64')}`))).toBe(true);
    expect(holdsSecret(Buffer.from(glToken, 'utf16le'))).toBe(true);
    // At least the database after every run, WAL included while it existed.
    expect(filesScanned).toBeGreaterThan(outputs.length);
    expect(leaks).toEqual([]);
    const places = [
      ...filesUnder(ws),
      ...filesUnder(exportsDir),
      // An XLSX is compressed: its parts are read inflated (the PDF's text: the next test).
      ...filesUnder(exportsDir).filter((f) => f.file.endsWith('.xlsx')).flatMap((f) => unzip(f.bytes).map((e) => ({ file: `${f.file}:${e.name}`, bytes: e.bytes }))),
      ...outputs.flatMap((o) => [
        { file: `stdout of yardstick ${o.args}`, bytes: Buffer.from(o.stdout) },
        { file: `stderr of yardstick ${o.args}`, bytes: Buffer.from(o.stderr) },
      ]),
    ];
    if (outputs.some((o) => o.args.startsWith('export worksheet'))) expect(places.some((p) => p.file.includes('worksheet.xlsx:xl/worksheets/'))).toBe(true);
    for (const { file, bytes } of places) expect(holdsSecret(bytes), `${relative(base, file)} holds a token`).toBe(false);
    // The failures were reported, without the token.
    expect(outputs.some((o) => /rejected the credentials|401/.test(o.stderr + o.stdout))).toBe(true);
  });

  it.skipIf(!hasPdfToText)('never puts a token in the text of the PDF report', () => {
    const pdfs = filesUnder(exportsDir).filter((f) => f.file.endsWith('.pdf'));
    for (const { file } of pdfs) {
      const text = pdfText(file);
      expect(text.length).toBeGreaterThan(100);
      expect(holdsSecret(text), `${file} holds a token`).toBe(false);
    }
  });

  it('writes no crash reports: neither Electron nor the CLI turns crash or diagnostic reporting on', () => {
    // Electron writes minidumps (process memory, so possibly tokens) only once crashReporter.start()
    // is called, and Node writes diagnostic reports only with --report-* flags; neither is used.
    const sources = filesUnder(join(root, 'electron')).filter((f) => /\.(ts|js|mjs|cjs)$/.test(f.file));
    for (const { file, bytes } of sources) {
      expect(bytes.toString('utf8'), file).not.toMatch(/crashReporter|process\.report|--report-on/);
    }
    const reports = [...filesUnder(ws), ...filesUnder(exportsDir)].filter((f) => /(^|\/)report\.\d+.*\.json$|\.dmp$/.test(f.file));
    expect(reports).toEqual([]);
  });
});
