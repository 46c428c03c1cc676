import { writeSync } from 'node:fs';
import { openConnection } from '../../electron/db/connection';
import { migrate } from '../../electron/db/migrate';
import { MIGRATIONS } from '../../electron/db/migrations';

// Child process for the migration kill test: the real migrate() over a workspace, with migration
// 4 made to run long after its own statements, so a SIGKILL lands inside its transaction. Prints
// "inside" (synchronously, so it is out before the kill) once the migration's statements ran.
// Run as: node --import tsx --import ./bench/sync/vite-glob-register.mjs <this file> DB BACKUP_DIR
const [dbPath, backupDir] = process.argv.slice(2);
if (!dbPath || !backupDir) throw new Error('usage: slow-migration-child DB BACKUP_DIR');
const db = openConnection(dbPath);
db.function('announce_inside_migration', () => {
  writeSync(1, 'inside\n');
  return 1;
});
const stall = '\nSELECT announce_inside_migration();\nWITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 4000000000) SELECT count(*) FROM c;\n';
migrate(db, { backupDir, migrations: MIGRATIONS.map((m) => (m.version === 4 ? { ...m, sql: m.sql + stall } : m)) });
writeSync(1, 'finished\n');
