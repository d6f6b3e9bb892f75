/**
 * The audit trail is append-only at the database (triggers: UPDATE and DELETE raise, an insert cannot
 * bring its own hash) and hash-chained: `npm run audit:verify` finds an edited, removed or forged row
 * in a copy whose triggers were dropped.
 */
import { describe, it, expect, afterAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openDb } from '../../server/db/client.js';
import { appendAudit, verifyAudit } from '../../server/db/audit.js';

function trail() {
  const db = openDb(':memory:');
  appendAudit(db, { actor: 'admin', action: 'lead.create', object: 'ld-1', detail: { stage: { from: null, to: '线索' } } });
  appendAudit(db, { actor: 'wang', action: 'routing.accept', object: 'ld-1' });
  appendAudit(db, { actor: 'admin', action: 'export.parks', object: 'parks', detail: { rows: 40 } });
  return db;
}

describe('the audit table refuses changes at the database', () => {
  it('UPDATE of any column raises, and the row is unchanged', () => {
    const db = trail();
    const before = db.$client.prepare('SELECT * FROM audit ORDER BY id').all();
    for (const sql of [
      `UPDATE audit SET actor = '区长(伪造)' WHERE id = 1`,
      `UPDATE audit SET detail = NULL`,
      `UPDATE audit SET hash = 'x' WHERE id = 2`,
      `UPDATE audit SET at = '2020-01-01T00:00:00Z' WHERE id = 3`,
    ])
      expect(() => db.$client.exec(sql), sql).toThrow(/append-only/);
    expect(db.$client.prepare('SELECT * FROM audit ORDER BY id').all()).toEqual(before);
  });

  it('DELETE raises, one row or all', () => {
    const db = trail();
    expect(() => db.$client.exec('DELETE FROM audit WHERE id = 2')).toThrow(/append-only/);
    expect(() => db.$client.exec('DELETE FROM audit')).toThrow(/append-only/);
    expect(db.$client.prepare('SELECT count(*) FROM audit').pluck().get()).toBe(3);
  });

  it('an insert cannot bring its own hash', () => {
    const db = trail();
    expect(() => db.$client.exec(`INSERT INTO audit (at, actor, action, hash) VALUES ('2026-01-01', 'x', 'y', 'forged')`)).toThrow(
      /hash is set by the database/,
    );
  });

  it('the 流转 ledger (routings) refuses UPDATE and DELETE too', () => {
    const db = trail();
    db.$client.exec(`INSERT INTO routings (id, lead_id, status, reasons, at) SELECT 'rt-1', 'ld-x', 'proposed', '[]', 'now' WHERE 0`);
    expect(() => db.$client.exec(`UPDATE routings SET status = 'accepted'`)).not.toThrow(); // no rows: nothing to refuse
    db.$client.pragma('foreign_keys = OFF');
    db.$client.exec(`INSERT INTO routings (id, lead_id, status, reasons, at) VALUES ('rt-1', 'ld-x', 'proposed', '[]', 'now')`);
    expect(() => db.$client.exec(`UPDATE routings SET status = 'accepted'`)).toThrow(/append-only/);
    expect(() => db.$client.exec(`DELETE FROM routings`)).toThrow(/append-only/);
  });
});

describe('the hash chain', () => {
  it('each row carries a sha256 that follows from the row before', () => {
    const db = trail();
    const rows = db.$client.prepare('SELECT hash FROM audit ORDER BY id').pluck().all() as string[];
    expect(rows.every((h) => /^[0-9a-f]{64}$/.test(h))).toBe(true);
    expect(new Set(rows).size).toBe(3);
    expect(verifyAudit(db.$client)).toEqual({ rows: 3, problems: [] });
  });

  describe('npm run audit:verify on a file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'luodi-audit-'));
    const file = join(dir, 'luodi.db');
    const db = openDb(file, { synchronous: 'NORMAL' });
    appendAudit(db, { actor: 'admin', action: 'lead.create', object: 'ld-1', detail: { a: 1 } });
    appendAudit(db, { actor: 'wang', action: 'routing.accept', object: 'ld-1' });
    appendAudit(db, { actor: 'admin', action: 'export.parks', object: 'parks' });
    db.$client.pragma('wal_checkpoint(TRUNCATE)');
    db.$client.close();
    const verify = (f: string) => {
      try {
        return {
          code: 0,
          out: execFileSync(process.execPath, ['--import', 'tsx', 'scripts/audit-verify.ts', f], { encoding: 'utf8', stdio: 'pipe' }),
        };
      } catch (e) {
        const err = e as { status: number; stderr: string };
        return { code: err.status, out: err.stderr };
      }
    };
    /** A copy with the triggers dropped (what someone with the file could do), changed by `sql`. */
    const tampered = (name: string, sql: string) => {
      const copy = join(dir, name);
      copyFileSync(file, copy);
      const raw = new Database(copy);
      raw.exec('DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete; DROP TRIGGER audit_insert_no_hash; DROP TRIGGER audit_chain;');
      raw.exec(sql);
      raw.close();
      return copy;
    };

    it('passes the untouched trail', () => {
      const r = verify(file);
      expect(r.code).toBe(0);
      expect(r.out).toContain('3 rows');
    });

    it('finds an edited row', () => {
      const r = verify(tampered('edited.db', `UPDATE audit SET actor = '区长(伪造)' WHERE id = 2`));
      expect(r.code).toBe(1);
      expect(r.out).toContain('#2');
    });

    it('finds a removed row', () => {
      const r = verify(tampered('deleted.db', `DELETE FROM audit WHERE id = 2`));
      expect(r.code).toBe(1);
      expect(r.out).toMatch(/#3/);
    });

    it('finds a forged row appended without the chain', () => {
      const r = verify(
        tampered('forged.db', `INSERT INTO audit (at, actor, action, hash) VALUES ('2026-12-04', 'admin', 'routing.commit', 'ab')`),
      );
      expect(r.code).toBe(1);
      expect(r.out).toContain('#4');
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
  });
});
