import { writeSync } from 'node:fs';
import { openWorkspace } from '../../electron/workspace/workspace';

// Child process for kill tests: opens a workspace exactly as the app and the CLI do (an older one
// is backed up, then migrated) and prints "opened" once done, so a kill that came too late shows.
// Run as: node --import tsx --import ./bench/sync/vite-glob-register.mjs <this file> DIR
const [dir] = process.argv.slice(2);
if (!dir) throw new Error('usage: open-workspace-child DIR');
openWorkspace(dir, { create: false }).close();
writeSync(1, 'opened\n');
