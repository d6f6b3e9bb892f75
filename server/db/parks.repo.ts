/** Reads parks and everything scoring needs from the database, as the domain's seed-shaped records. */
import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from './client.js';
import * as t from './schema.js';
import type { KnowledgeInput } from '../domain/knowledge.js';
import type { ParkSeed, EnvClass } from '../domain/park.schema.js';
import type { SpaceSeed, SpaceKind } from '../domain/space.schema.js';
import { listRules } from './rules.repo.js';
import { listJurisdictions } from './jurisdictions.repo.js';
import type { ChainSeed, ChainTier } from '../domain/chain.schema.js';
import type { GbtRow, PositioningSeed } from '../domain/industry.schema.js';
import { readLexiconData } from './lexicon-file.js';

type ParkRow = typeof t.parks.$inferSelect;
type SpaceRow = typeof t.spaces.$inferSelect;

export function toParkSeed(r: ParkRow): ParkSeed {
  const { updatedAt: _u, ...rest } = r;
  return { ...rest, kind: r.kind as ParkSeed['kind'], program: r.program as ParkSeed['program'], envClass: r.envClass as EnvClass };
}

export function toSpaceSeed(r: SpaceRow): SpaceSeed {
  return {
    id: r.id,
    parkId: r.parkId,
    building: r.building,
    floor: r.floor,
    areaM2: r.areaM2,
    landMu: r.landMu,
    clearHeightM: r.clearHeightM,
    floorLoadKnM2: r.floorLoadKnM2,
    kind: r.kind as SpaceKind,
    status: r.status as SpaceSeed['status'],
    availableFrom: r.availableFrom,
    rentYuanPerM2Day: r.rentYuanPerM2Day,
    source: r.source,
  };
}

export function listAllParks(db: Db): ParkSeed[] {
  return db.select().from(t.parks).orderBy(asc(t.parks.id)).all().map(toParkSeed);
}

export function getPark(db: Db, id: string): ParkSeed | null {
  const r = db.select().from(t.parks).where(eq(t.parks.id, id)).get();
  return r ? toParkSeed(r) : null;
}

export function listSpaces(db: Db, parkId?: string): (SpaceSeed & { reservedBy: string | null })[] {
  const q = db.select().from(t.spaces);
  const rows = (parkId ? q.where(eq(t.spaces.parkId, parkId)) : q)
    .orderBy(asc(t.spaces.parkId), asc(t.spaces.building), asc(t.spaces.floor), asc(t.spaces.id))
    .all();
  return rows.map((r) => ({ ...toSpaceSeed(r), reservedBy: r.reservedBy }));
}

export function listChains(db: Db): ChainSeed[] {
  const nodes = db
    .select()
    .from(t.chainNodes)
    .orderBy(sql`rowid`)
    .all();
  const parkNodes = db.select().from(t.parkChainNodes).all();
  const leaders = db.select().from(t.chainLeaders).orderBy(asc(t.chainLeaders.id)).all();
  return db
    .select()
    .from(t.chains)
    .orderBy(asc(t.chains.id))
    .all()
    .map((c) => {
      const own = nodes.filter((n) => n.chainId === c.id);
      const ids = new Set(own.map((n) => n.id));
      return {
        id: c.id,
        name: c.name,
        positionings: c.positionings,
        source: c.source,
        nodes: own.map((n) => ({ id: n.id, tier: n.tier as ChainTier, name: n.name, codes: n.codes, terms: n.terms })),
        parkNodes: parkNodes
          .filter((p) => ids.has(p.nodeId))
          .map((p) => ({ parkId: p.parkId, nodeId: p.nodeId, role: p.role as 'holds' | 'missing', source: p.source })),
        leaders: leaders
          .filter((l) => l.chainId === c.id)
          .map((l) => ({ company: l.company, parkId: l.parkId, nodeId: l.nodeId, source: l.source })),
      };
    });
}

export function listTaxonomy(db: Db): { positionings: PositioningSeed[]; gbt: GbtRow[] } {
  const rows = db.select().from(t.industries).all();
  const positionings = rows
    .filter((r) => r.kind === 'positioning')
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((r) => ({
      id: r.id.replace(/^pos-/, ''),
      name: r.name,
      aliases: r.aliases,
      parents: r.parents,
      system: r.system ?? '通用',
      kind: (r.sector ?? 'mixed') as PositioningSeed['kind'],
      codes: r.codes,
      terms: r.terms,
      weakTerms: r.weakTerms,
      related: r.related,
      source: r.source,
    }));
  const gbt = rows
    .filter((r) => r.kind === 'gbt')
    .map((r) => ({
      level: r.level ?? 0,
      code: r.code ?? '',
      name: r.name,
      parent: r.parent ?? '',
      section: r.section ?? '',
      remark: r.remark ?? '',
    }))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return { positionings, gbt };
}

/** Everything the scorer needs, read in one go. */
export function loadKnowledgeInput(db: Db): KnowledgeInput {
  const { positionings, gbt } = listTaxonomy(db);
  return {
    parks: listAllParks(db),
    spaces: listSpaces(db),
    positionings,
    gbt,
    rules: listRules(db).filter((r) => r.status === 'active'),
    chains: listChains(db),
    jurisdictions: listJurisdictions(db).map((j) => ({ id: j.id, districts: j.districts })),
    ...readLexiconData(),
  };
}
