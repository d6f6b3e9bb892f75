/** Validates data/seed/ without touching a database: `npx tsx scripts/check-seed.ts [dir]`. */
import { readSeedSet, SeedError } from '../server/db/seed-files.js';

const dir = process.argv[2] ?? 'data/seed';
try {
  const s = readSeedSet(dir);
  console.log(
    `ok: ${s.parks.length} parks, ${s.spaces.length} spaces, ${s.positionings.length} positionings, ` +
      `${s.gbt.length} GB/T rows, ${s.rules.length} rules, ${s.chains.length} chains, ${s.policies.length} policy facts`,
  );
} catch (e) {
  if (e instanceof SeedError) {
    console.error(`种子数据有误 / bad seed data: ${e.message}`);
    process.exit(1);
  }
  throw e;
}
