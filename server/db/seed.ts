/**
 * Loads the demo data set into the database in one IMMEDIATE transaction: either all of it lands or
 * nothing does. `seedIfEmpty` runs on start-up and does nothing when parks exist.
 */
import { count } from 'drizzle-orm';
import type { SQLiteInsertValue, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { JurisdictionSeedSchema } from '../domain/jurisdiction.schema.js';
import { appendAudit } from './audit.js';
import type { Db } from './client.js';
import { writeTx } from './client.js';
import * as t from './schema.js';
import { readSeedSet, type SeedSet } from './seed-files.js';
import { toRuleRow } from './rules.repo.js';

const CHUNK = 200;

function insertChunks<T extends SQLiteTable>(tx: Db, table: T, rows: SQLiteInsertValue<T>[]): void {
  for (let i = 0; i < rows.length; i += CHUNK)
    tx.insert(table)
      .values(rows.slice(i, i + CHUNK))
      .run();
}

export function seedVersion(set: SeedSet): string {
  return createHash('sha256').update(JSON.stringify(set)).digest('hex').slice(0, 16);
}

/**
 * Loads the seed set: taxonomy, rules, chains and policy facts are replaced; parks and spaces are
 * upserted (a space's status and reservation are kept). Leads, jobs and conversations are untouched.
 */
export function loadSeedSet(db: Db, set: SeedSet, actor = 'seed'): void {
  writeTx(db, (tx) => {
    for (const table of [t.chainLeaders, t.parkChainNodes, t.chainNodes, t.chains, t.industries, t.policyFacts, t.jurisdictions])
      tx.delete(table).run();
    // rules an admin changed (they have versions) stay as the admin left them; the others are replaced
    const managed = new Set(
      db.$client.prepare(`SELECT DISTINCT subject_id FROM knowledge_versions WHERE kind = 'rule'`).pluck().all() as string[],
    );
    db.$client.prepare(`DELETE FROM rules WHERE id NOT IN (SELECT subject_id FROM knowledge_versions WHERE kind = 'rule')`).run();
    // parks and spaces are upserted: imported parks stay, and a space's status/reservation is kept
    const stamp = new Date().toISOString();
    for (const p of set.parks)
      tx.insert(t.parks)
        .values(p)
        .onConflictDoUpdate({ target: t.parks.id, set: { ...p, updatedAt: stamp } })
        .run();
    for (const sp of set.spaces) {
      const { status: _status, ...facts } = sp;
      tx.insert(t.spaces)
        .values(sp)
        .onConflictDoUpdate({ target: t.spaces.id, set: { ...facts, updatedAt: stamp } })
        .run();
    }
    insertChunks(
      tx,
      t.industries,
      set.gbt.map((g) => ({
        id: `gbt-${g.code}`,
        kind: 'gbt',
        code: g.code,
        name: g.name,
        level: g.level,
        parent: g.parent || null,
        section: g.section,
        remark: g.remark || null,
        aliases: [],
        parents: [],
        codes: [g.code],
        terms: [],
        related: [],
        source: 'GB/T 4754-2017（含第1号修改单）',
      })),
    );
    insertChunks(
      tx,
      t.industries,
      set.positionings.map((p) => ({
        id: `pos-${p.id}`,
        kind: 'positioning',
        code: null,
        name: p.name,
        aliases: p.aliases,
        parents: p.parents,
        codes: p.codes,
        terms: p.terms,
        weakTerms: p.weakTerms,
        related: p.related,
        system: p.system,
        sector: p.kind,
        source: p.source,
      })),
    );
    insertChunks(tx, t.rules, set.rules.filter((r) => !managed.has(r.id)).map(toRuleRow));
    for (const c of set.chains) {
      tx.insert(t.chains).values({ id: c.id, name: c.name, positionings: c.positionings, source: c.source }).run();
      insertChunks(
        tx,
        t.chainNodes,
        c.nodes.map((n) => ({ ...n, chainId: c.id })),
      );
      insertChunks(tx, t.parkChainNodes, c.parkNodes);
      insertChunks(
        tx,
        t.chainLeaders,
        c.leaders.map((l) => ({ ...l, chainId: c.id })),
      );
    }
    insertChunks(tx, t.policyFacts, set.policies);
    insertChunks(tx, t.jurisdictions, set.jurisdictions);
    tx.insert(t.meta)
      .values({ key: 'seedVersion', value: seedVersion(set) })
      .onConflictDoUpdate({ target: t.meta.key, set: { value: seedVersion(set) } })
      .run();
    tx.insert(t.audit)
      .values({
        actor,
        action: 'seed.load',
        object: 'knowledge',
        detail: { parks: set.parks.length, spaces: set.spaces.length, rules: set.rules.length, chains: set.chains.length },
      })
      .run();
  });
}

export function parkCount(db: Db): number {
  return db.select({ n: count() }).from(t.parks).get()?.n ?? 0;
}

/** On first start: load the demo data set when the database has no parks. Returns whether it loaded. */
export function seedIfEmpty(db: Db, dir: string): boolean {
  if (parkCount(db) > 0) {
    loadJurisdictionsIfMissing(db, dir);
    return false;
  }
  loadSeedSet(db, readSeedSet(dir));
  return true;
}

/**
 * A database loaded before jurisdictions existed (migration 0003) gets them from the seed directory's
 * jurisdictions.json on start, so that jurisdiction users never see everything for want of the table.
 */
export function loadJurisdictionsIfMissing(db: Db, dir: string): void {
  if ((db.$client.prepare('SELECT count(*) FROM jurisdictions').pluck().get() as number) > 0) return;
  const path = join(dir, 'jurisdictions.json');
  if (!existsSync(path)) return;
  const list = z.array(JurisdictionSeedSchema).parse(JSON.parse(readFileSync(path, 'utf8')));
  writeTx(db, (tx) => {
    if (list.length) tx.insert(t.jurisdictions).values(list).run();
    appendAudit(tx, { actor: 'system', action: 'seed.jurisdictions', object: 'jurisdictions', detail: { count: list.length } });
  });
}
