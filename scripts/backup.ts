/**
 * `npm run backup -- FILE`: a consistent copy of the live database (DATABASE_PATH) in FILE, safe while
 * the server runs and a job scores; checked with integrity_check before it replaces FILE. Restore:
 * docs/OPERATIONS.md § Backup and restore.
 */
import { loadEnv } from '../server/env.js';
import { backupDatabase } from '../server/db/backup.js';

const file = process.argv[2];
if (!file) {
  console.error('用法 / usage: npm run backup -- FILE   (例如 backups/luodi-2026-12-04.db)');
  process.exit(2);
}
try {
  const env = loadEnv();
  const r = await backupDatabase(env.DATABASE_PATH, file);
  console.log(
    `已备份 / backed up ${env.DATABASE_PATH} → ${r.file}: ${(r.bytes / 1024 / 1024).toFixed(1)} MiB, ${r.pages} pages, ${r.parks} parks, ${r.jobs} jobs, integrity_check ${r.integrity}, ${r.ms} ms`,
  );
} catch (e) {
  console.error(`备份失败 / backup failed: ${(e as Error).message}`);
  process.exit(1);
}
