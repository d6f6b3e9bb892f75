import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHAIN_TIERS, ChainSeedSchema, type ChainSeed } from '../../server/domain/chain.schema.js';
import { PositioningSeedSchema } from '../../server/domain/industry.schema.js';
import { ParkSeedSchema } from '../../server/domain/park.schema.js';
import { parseGbtTsv, parseRecords } from '../../server/db/seed-files.js';

const DIR = 'data/seed';

function readJson(file: string): unknown[] {
  return JSON.parse(readFileSync(join(DIR, file), 'utf8')) as unknown[];
}

const chains: ChainSeed[] = parseRecords('chains.json', readJson('chains.json'), ChainSeedSchema);
const positioningNames = new Set(
  parseRecords('positionings.json', readJson('positionings.json'), PositioningSeedSchema).map((p) => p.name),
);
const parks = parseRecords('parks.json', readJson('parks.json'), ParkSeedSchema);
const parkById = new Map(parks.map((p) => [p.id, p]));
const gbtCodes = new Set(parseGbtTsv(readFileSync(join(DIR, 'gbt4754-2017.tsv'), 'utf8')).map((r) => r.code));

/** The chains the brief requires, by id. */
const REQUIRED = {
  'yiliao-qixie': '医疗器械',
  'zhineng-wulian': '智能物联',
  'xinnengyuan-qiche': '新能源汽车',
  'jicheng-dianlu': '集成电路',
} as const;

function chain(id: string): ChainSeed {
  const c = chains.find((x) => x.id === id);
  if (!c) throw new Error(`chain ${id} missing`);
  return c;
}

describe('chains.json (industry chains)', () => {
  it.each(Object.entries(REQUIRED))('has the %s chain serving %s with upstream, midstream and downstream nodes', (id, positioning) => {
    const c = chain(id);
    expect(c.positionings).toContain(positioning);
    for (const tier of CHAIN_TIERS) expect(c.nodes.filter((n) => n.tier === tier).length).toBeGreaterThanOrEqual(3);
  });

  it('has unique chain ids and node ids across all chains', () => {
    expect(new Set(chains.map((c) => c.id)).size).toBe(chains.length);
    const nodeIds = chains.flatMap((c) => c.nodes.map((n) => n.id));
    expect(new Set(nodeIds).size).toBe(nodeIds.length);
  });

  it('gives every node at least three terms and only GB/T codes that exist', () => {
    const bad = chains.flatMap((c) =>
      c.nodes.flatMap((n) => [
        ...(n.terms.length < 3 ? [`${n.id}: ${n.terms.length} terms`] : []),
        ...n.codes.filter((k) => !gbtCodes.has(k)).map((k) => `${n.id}: code ${k}`),
      ]),
    );
    expect(bad).toEqual([]);
  });

  it('serves only positionings that exist in positionings.json', () => {
    const bad = chains.flatMap((c) => c.positionings.filter((n) => !positioningNames.has(n)).map((n) => `${c.id}:${n}`));
    expect(bad).toEqual([]);
  });

  it('names 嘉兴微创医疗科技有限公司 as 链主 of the 医疗器械 chain at 微创产业园, on a midstream node', () => {
    const c = chain('yiliao-qixie');
    const leader = c.leaders.find((l) => l.company === '嘉兴微创医疗科技有限公司');
    expect(leader).toBeDefined();
    expect(parkById.get(leader!.parkId)?.name).toContain('微创产业园');
    expect(c.nodes.find((n) => n.id === leader!.nodeId)?.tier).toBe('midstream');
  });

  it('invents no 链主: every leader is the developer the park table names for that park', () => {
    const bad = chains.flatMap((c) =>
      c.leaders
        .filter((l) => !(parkById.get(l.parkId)?.developer ?? '').includes(l.company))
        .map((l) => `${c.id}:${l.company}@${l.parkId}`),
    );
    expect(bad).toEqual([]);
  });

  it('points leaders and park nodes at existing parks and at nodes of the same chain', () => {
    const bad = chains.flatMap((c) => {
      const nodeIds = new Set(c.nodes.map((n) => n.id));
      return [...c.leaders, ...c.parkNodes]
        .filter((x) => !parkById.has(x.parkId) || !nodeIds.has(x.nodeId))
        .map((x) => `${c.id}:${x.parkId}/${x.nodeId}`);
    });
    expect(bad).toEqual([]);
  });

  it('never says a park both holds and misses the same node', () => {
    const bad = chains.flatMap((c) => {
      const holds = new Set(c.parkNodes.filter((p) => p.role === 'holds').map((p) => `${p.parkId}/${p.nodeId}`));
      return c.parkNodes
        .filter((p) => p.role === 'missing' && holds.has(`${p.parkId}/${p.nodeId}`))
        .map((p) => `${c.id}:${p.parkId}/${p.nodeId}`);
    });
    expect(bad).toEqual([]);
  });

  it('marks every missing link as 示例数据 and cites the 补链 clause', () => {
    const missing = chains.flatMap((c) => c.parkNodes.filter((p) => p.role === 'missing'));
    expect(missing.length).toBeGreaterThan(0);
    for (const m of missing) {
      expect(m.source).toContain('示例数据');
      expect(m.source).toContain('锡府办规〔2025〕1号');
    }
  });

  it('gives each required chain at least one park that misses a link (so 补链 can score)', () => {
    for (const id of Object.keys(REQUIRED)) expect(chain(id).parkNodes.some((p) => p.role === 'missing')).toBe(true);
  });
});
