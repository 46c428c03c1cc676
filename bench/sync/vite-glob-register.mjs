// `node --import tsx --import ./bench/sync/vite-glob-register.mjs app-entry.ts`: see vite-glob-hooks.mjs.
import { register } from 'node:module';

register('./vite-glob-hooks.mjs', import.meta.url);
