import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import base from '../../vitest.config';

// Runs only the documented-API test servers' own tests until the root config lists tests/servers:
// `npx vitest run --config tests/servers/vitest.config.ts`. Spread, not mergeConfig: mergeConfig
// concatenates `include` arrays and would run the whole suite.
export default defineConfig({
  ...base,
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: { ...base.test, include: ['tests/servers/**/*.test.ts'] },
});
