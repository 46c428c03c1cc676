import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

// `npm run dev` only: React Refresh injects an inline script and Vite's HMR uses a localhost socket,
// both of which the production CSP rightly forbids. Built files keep the strict policy.
const devOnlyCsp = (): Plugin => ({
  name: 'yardstick-dev-csp',
  apply: 'serve',
  transformIndexHtml: (html) =>
    html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace("connect-src 'self'", "connect-src 'self' ws://localhost:* http://localhost:*"),
});

// zod's published files carry /* @__PURE__ */ notes Rollup cannot place; harmless, and noise in every build.
const onwarn = (warning: { code?: string; message: string }, warn: (w: { code?: string; message: string }) => void) => {
  if (warning.code === 'INVALID_ANNOTATION' && warning.message.includes('node_modules/zod/')) return;
  warn(warning);
};

// The commit and time of this build, for the About dialog and `yardstick --version`. SOURCE_DATE_EPOCH
// (reproducible builds) fixes the date; outside a git checkout the commit is unknown, not invented.
function buildInfo(): { commit: string | null; date: string } {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: __dirname, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  let commit: string | null = null;
  try {
    commit = git('rev-parse', '--short=12', 'HEAD') + (git('status', '--porcelain', '--untracked-files=no') ? '-dirty' : '');
  } catch {
    commit = null;
  }
  const epoch = Number(process.env['SOURCE_DATE_EPOCH']);
  return { commit, date: new Date(Number.isFinite(epoch) && epoch > 0 ? epoch * 1000 : Date.now()).toISOString() };
}

// One build for every runtime: main (plus the CLI and browser host, which share main's handlers),
// the sandboxed preload (CommonJS, as sandboxed preloads must be) and the renderer.
export default defineConfig({
  main: {
    define: { __YARDSTICK_BUILD__: JSON.stringify(buildInfo()) },
    build: {
      outDir: 'out/main',
      rollupOptions: {
        onwarn,
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          cli: resolve(__dirname, 'electron/cli/index.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        onwarn,
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react(), devOnlyCsp()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rollupOptions: { onwarn, input: resolve(__dirname, 'renderer/index.html') },
    },
  },
});
