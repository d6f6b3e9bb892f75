/**
 * `npm run audit:verify [-- FILE]`: recomputes the audit trail's hash chain in DATABASE_PATH (or FILE)
 * and names every row whose content no longer matches; exits 1 when the trail was changed.
 */
import { existsSync } from 'node:fs';
import { loadEnv } from '../server/env.js';
import { openDb } from '../server/db/client.js';
import { verifyAudit } from '../server/db/audit.js';

const file = process.argv[2] ?? loadEnv().DATABASE_PATH;
if (!existsSync(file)) {
  console.error(`找不到数据库 / no database at ${file}`);
  process.exit(2);
}
const db = openDb(file, { readonly: true });
const { rows, problems } = verifyAudit(db.$client);
db.$client.close();
if (problems.length) {
  console.error(`审计记录被改动 / the audit trail was changed (${problems.length} of ${rows} rows):`);
  for (const p of problems.slice(0, 50)) console.error(`  #${p.id}: ${p.problem}`);
  process.exit(1);
}
console.log(`审计记录完整 / audit trail intact: ${rows} rows, hash chain verified`);
