import { describe, it, expect, afterEach } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, readPragmas, writeTx } from '../../server/db/client.js';
import { meta } from '../../server/db/schema.js';

const dirs: string[] = [];
const tempDb = () => {
  const d = mkdtempSync(join(tmpdir(), 'luodi-db-'));
  dirs.push(d);
  return join(d, 'test.db');
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('openDb', () => {
  it.each(['FULL', 'NORMAL'] as const)(
    'sets WAL, synchronous=%s, busy_timeout and foreign_keys on the first and on the second open',
    (sync) => {
      const path = tempDb();
      const want = {
        journalMode: 'wal',
        synchronous: sync === 'FULL' ? 2 : 1,
        busyTimeout: 5000,
        foreignKeys: 1,
        journalSizeLimit: 64 * 1024 * 1024,
      };
      const first = openDb(path, { synchronous: sync });
      expect(readPragmas(first.$client)).toEqual(want);
      first.$client.close();
      const second = openDb(path, { synchronous: sync });
      expect(readPragmas(second.$client)).toEqual(want);
      second.$client.close();
    },
  );

  it('applies migrations once: reopening keeps the data', () => {
    const path = tempDb();
    const a = openDb(path);
    writeTx(a, (tx) => tx.insert(meta).values({ key: 'k', value: 'v' }).run());
    a.$client.close();
    const b = openDb(path);
    expect(b.select().from(meta).all()).toEqual([{ key: 'k', value: 'v' }]);
    b.$client.close();
  });

  it('writeTx rolls back everything when the callback throws', () => {
    const db = openDb(':memory:');
    expect(() =>
      writeTx(db, (tx) => {
        tx.insert(meta).values({ key: 'a', value: '1' }).run();
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(db.select().from(meta).all()).toEqual([]);
  });
});
