import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ParkSeedSchema } from '../domain/park.schema.js';
import { SpaceSeedSchema } from '../domain/space.schema.js';
import { PositioningSeedSchema, GbtRowSchema, type GbtRow } from '../domain/industry.schema.js';
import { RuleSeedSchema } from '../domain/rule.schema.js';
import { ChainSeedSchema } from '../domain/chain.schema.js';
import { PolicyFactSeedSchema, type PolicyFactSeed } from '../domain/policy.schema.js';
import { JurisdictionSeedSchema, type Jurisdiction } from '../domain/jurisdiction.schema.js';
import type { KnowledgeInput } from '../domain/knowledge.js';
import { readLexiconData } from './lexicon-file.js';

/** The whole demo data set, validated: what scoring needs, plus the policy facts. */
export interface SeedSet extends KnowledgeInput {
  policies: PolicyFactSeed[];
  /** The jurisdictions (辖区); every park's district belongs to exactly one. */
  jurisdictions: Jurisdiction[];
}

/** A bad seed record: names the file, the record and the field. */
export class SeedError extends Error {
  constructor(
    readonly file: string,
    readonly record: string,
    readonly field: string,
    detail: string,
  ) {
    super(`${file}: record ${record}, field "${field}": ${detail}`);
    this.name = 'SeedError';
  }
}

function readJsonArray(dir: string, file: string): unknown[] {
  const path = join(dir, file);
  if (!existsSync(path)) throw new SeedError(file, '-', '-', 'file is missing');
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new SeedError(file, '-', '-', `not valid JSON (${(e as Error).message})`);
  }
  if (!Array.isArray(data)) throw new SeedError(file, '-', '-', 'must be a JSON array');
  return data;
}

function recordLabel(raw: unknown, index: number): string {
  const id = raw && typeof raw === 'object' && 'id' in raw ? String((raw as { id: unknown }).id) : null;
  return id ? `#${index + 1} (${id})` : `#${index + 1}`;
}

/** Validates every record of a file; the first bad one throws a SeedError. */
export function parseRecords<T>(file: string, rows: unknown[], schema: z.ZodType<T>): T[] {
  return rows.map((raw, i) => {
    const r = schema.safeParse(raw);
    if (!r.success) {
      const issue = r.error.issues[0]!;
      throw new SeedError(file, recordLabel(raw, i), issue.path.join('.') || '-', issue.message);
    }
    return r.data;
  });
}

export function parseGbtTsv(text: string, file = 'gbt4754-2017.tsv'): GbtRow[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = lines.shift()?.split('\t') ?? [];
  const want = ['level', 'code', 'name', 'parent', 'section', 'remark'];
  if (want.some((h, i) => header[i] !== h)) throw new SeedError(file, 'header', '-', `expected columns ${want.join(',')}`);
  const rows = lines.map((l) => {
    const [level, code, name, parent, section, remark] = l.split('\t');
    return { level: Number(level), code, name, parent: parent ?? '', section, remark: remark ?? '' };
  });
  return parseRecords(file, rows, GbtRowSchema);
}

function unique(file: string, ids: string[]): void {
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id)) throw new SeedError(file, `#${i + 1} (${id})`, 'id', 'duplicate id');
    seen.add(id);
  });
}

/** Cross-file checks: every reference points at something that exists. */
export function checkReferences(s: SeedSet): void {
  const files: [string, { id: string }[]][] = [
    ['parks.json', s.parks],
    ['spaces.json', s.spaces],
    ['positionings.json', s.positionings],
    ['rules.json', s.rules],
    ['chains.json', s.chains],
    ['policies.json', s.policies],
    ['jurisdictions.json', s.jurisdictions],
  ];
  for (const [file, records] of files) {
    unique(
      file,
      records.map((r) => r.id),
    );
  }
  const claimed = new Map<string, string>();
  for (const j of s.jurisdictions)
    for (const d of j.districts) {
      if (claimed.has(d)) throw new SeedError('jurisdictions.json', j.id, 'districts', `district ${d} is already in ${claimed.get(d)}`);
      claimed.set(d, j.id);
    }
  s.parks.forEach((p) => {
    if (!claimed.has(p.district))
      throw new SeedError('parks.json', p.id, 'district', `district ${p.district} is in no jurisdiction (jurisdictions.json)`);
  });
  const parkIds = new Set(s.parks.map((p) => p.id));
  const posNames = new Set(s.positionings.map((p) => p.name));
  const codes = new Set(s.gbt.map((g) => g.code));
  s.parks.forEach((p, i) => {
    [...p.leadingIndustries, ...p.supportingIndustries].forEach((n) => {
      if (!posNames.has(n))
        throw new SeedError('parks.json', `#${i + 1} (${p.id})`, 'leadingIndustries', `"${n}" is not a positioning in positionings.json`);
    });
  });
  s.positionings.forEach((p, i) => {
    p.codes.forEach((c) => {
      if (!codes.has(c)) throw new SeedError('positionings.json', `#${i + 1} (${p.id})`, 'codes', `"${c}" is not a GB/T 4754-2017 code`);
    });
    [...p.parents, ...p.related].forEach((n) => {
      if (!posNames.has(n))
        throw new SeedError('positionings.json', `#${i + 1} (${p.id})`, 'parents/related', `"${n}" is not a positioning`);
    });
  });
  s.spaces.forEach((sp, i) => {
    if (!parkIds.has(sp.parkId)) throw new SeedError('spaces.json', `#${i + 1} (${sp.id})`, 'parkId', `unknown park "${sp.parkId}"`);
  });
  s.rules.forEach((r, i) => {
    if (r.scope.level === 'park' && !parkIds.has(r.scope.value ?? ''))
      throw new SeedError('rules.json', `#${i + 1} (${r.id})`, 'scope.value', `unknown park "${r.scope.value}"`);
    if (r.scope.level !== 'national' && !r.scope.value)
      throw new SeedError('rules.json', `#${i + 1} (${r.id})`, 'scope.value', 'required unless scope.level is national');
  });
  s.chains.forEach((c, i) => {
    const nodeIds = new Set(c.nodes.map((n) => n.id));
    const label = `#${i + 1} (${c.id})`;
    c.positionings.forEach((n) => {
      if (!posNames.has(n)) throw new SeedError('chains.json', label, 'positionings', `"${n}" is not a positioning`);
    });
    [...c.leaders, ...c.parkNodes].forEach((x) => {
      if (!parkIds.has(x.parkId)) throw new SeedError('chains.json', label, 'parkId', `unknown park "${x.parkId}"`);
      if (!nodeIds.has(x.nodeId)) throw new SeedError('chains.json', label, 'nodeId', `unknown node "${x.nodeId}"`);
    });
  });
}

/** Reads and validates data/seed/ (or another folder). Throws SeedError naming file, record and field. */
export function readSeedSet(dir: string): SeedSet {
  const set: SeedSet = {
    parks: parseRecords('parks.json', readJsonArray(dir, 'parks.json'), ParkSeedSchema),
    spaces: parseRecords('spaces.json', readJsonArray(dir, 'spaces.json'), SpaceSeedSchema),
    positionings: parseRecords('positionings.json', readJsonArray(dir, 'positionings.json'), PositioningSeedSchema),
    gbt: parseGbtTsv(readFileSync(join(dir, 'gbt4754-2017.tsv'), 'utf8')),
    rules: parseRecords('rules.json', readJsonArray(dir, 'rules.json'), RuleSeedSchema),
    chains: parseRecords('chains.json', readJsonArray(dir, 'chains.json'), ChainSeedSchema),
    policies: parseRecords('policies.json', readJsonArray(dir, 'policies.json'), PolicyFactSeedSchema),
    jurisdictions: parseRecords('jurisdictions.json', readJsonArray(dir, 'jurisdictions.json'), JurisdictionSeedSchema),
    ...readLexiconData(),
  };
  checkReferences(set);
  return set;
}
