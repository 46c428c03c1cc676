import { createHash } from 'node:crypto';

export type Migration = { version: number; name: string; sql: string; sha256: string };

// Bundled at build time, so the app and the CLI carry their migrations with them.
const files = import.meta.glob('./migrations/*.sql', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

/** All migrations in order. File names are NNNN_name.sql; numbers must be contiguous from 1. */
export const MIGRATIONS: readonly Migration[] = Object.entries(files)
  .map(([path, sql]) => {
    const match = /\/(\d{4})_([a-z0-9_]+)\.sql$/.exec(path);
    if (!match) throw new Error(`migration file name must be NNNN_name.sql: ${path}`);
    return {
      version: Number(match[1]),
      name: match[2] as string,
      sql,
      sha256: createHash('sha256').update(sql).digest('hex'),
    };
  })
  .sort((a, b) => a.version - b.version);

MIGRATIONS.forEach((m, i) => {
  if (m.version !== i + 1) throw new Error(`migrations must be numbered 1..N without gaps; found ${m.version} at ${i + 1}`);
});

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
