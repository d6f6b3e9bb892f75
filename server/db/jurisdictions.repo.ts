/** The jurisdictions (辖区) of the demo data set or the deployment, as loaded from jurisdictions.json. */
import type Database from 'better-sqlite3';
import type { Db } from './client.js';
import type { Jurisdiction } from '../domain/jurisdiction.schema.js';

const statements = new WeakMap<Database.Database, Database.Statement>();

/** Every jurisdiction (a tiny table, read on every scoped request through one prepared statement). */
export function listJurisdictions(db: Db): Jurisdiction[] {
  let st = statements.get(db.$client);
  if (!st) {
    st = db.$client.prepare('SELECT id, name, districts, source FROM jurisdictions ORDER BY id');
    statements.set(db.$client, st);
  }
  return (st.all() as { id: string; name: string; districts: string; source: string }[]).map((r) => ({
    ...r,
    districts: JSON.parse(r.districts) as string[],
  }));
}
