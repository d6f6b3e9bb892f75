/** `npm run seed`: (re)loads data/seed/ into DATABASE_PATH in one transaction. */
import { loadEnv } from '../server/env.js';
import { openDb } from '../server/db/client.js';
import { loadSeedSet, parkCount } from '../server/db/seed.js';
import { readSeedSet, SeedError } from '../server/db/seed-files.js';

try {
  const env = loadEnv();
  const set = readSeedSet(env.SEED_DIR);
  const db = openDb(env.DATABASE_PATH, { synchronous: env.DB_SYNCHRONOUS });
  loadSeedSet(db, set, 'npm run seed');
  console.log(
    `已载入示例数据 / loaded ${set.parks.length} parks, ${set.spaces.length} spaces, ${set.rules.length} rules, ${set.chains.length} chains into ${env.DATABASE_PATH} (${parkCount(db)} parks in the database)`,
  );
  db.$client.close();
} catch (e) {
  if (e instanceof SeedError) console.error(`种子数据有误，未写入任何数据 / bad seed data, nothing written: ${e.message}`);
  else console.error((e as Error).message);
  process.exit(1);
}
