/**
 * Writing imported parks and spaces (upsert by id, all good rows in one IMMEDIATE transaction, one
 * audit row) and reading them back as export rows with the import's column names.
 */
import type { Db } from '../db/client.js';
import { writeTx } from '../db/client.js';
import * as t from '../db/schema.js';
import { listAllParks, listSpaces } from '../db/parks.repo.js';
import type { ParkSeed } from '../domain/park.schema.js';
import type { SpaceSeed } from '../domain/space.schema.js';
import type { OutCell } from './export.js';
import { ENV_CLASS_LABEL, PARK_COLUMNS, SPACE_COLUMNS, SPACE_KIND_LABEL, SPACE_STATUS_LABEL } from './park-columns.js';

export function upsertParks(db: Db, parks: ParkSeed[], actor: string, detail: Record<string, unknown>): void {
  const stamp = new Date().toISOString();
  writeTx(db, (tx) => {
    for (const p of parks)
      tx.insert(t.parks)
        .values({ ...p, updatedAt: stamp })
        .onConflictDoUpdate({ target: t.parks.id, set: { ...p, updatedAt: stamp } })
        .run();
    tx.insert(t.audit).values({ actor, action: 'import.parks', object: 'parks', detail }).run();
  });
}

export function upsertSpaces(db: Db, spaces: SpaceSeed[], actor: string, detail: Record<string, unknown>): void {
  const stamp = new Date().toISOString();
  writeTx(db, (tx) => {
    for (const s of spaces)
      tx.insert(t.spaces)
        .values({ ...s, updatedAt: stamp })
        .onConflictDoUpdate({ target: t.spaces.id, set: { ...s, updatedAt: stamp } })
        .run();
    tx.insert(t.audit).values({ actor, action: 'import.spaces', object: 'spaces', detail }).run();
  });
}

export const PARK_EXPORT_HEADER = PARK_COLUMNS.map((c) => c.label);
export const SPACE_EXPORT_HEADER = SPACE_COLUMNS.map((c) => c.label);

const list = (xs: readonly string[]) => xs.join('、') || null;

export function parkRow(p: ParkSeed): OutCell[] {
  const byField: Record<string, OutCell> = {
    ...p,
    aliases: list(p.aliases),
    leadingIndustries: list(p.leadingIndustries),
    supportingIndustries: list(p.supportingIndustries),
    envClass: ENV_CLASS_LABEL[p.envClass],
    investmentIntensityWanPerMu: p.standards?.investmentIntensityWanPerMu ?? null,
    outputPerMuWan: p.standards?.outputPerMuWan ?? null,
    taxPerMuWan: p.standards?.taxPerMuWan ?? null,
    standardsSource: p.standards?.source ?? null,
  } as unknown as Record<string, OutCell>;
  return PARK_COLUMNS.map((c) => byField[c.field] ?? null);
}

export function spaceRow(s: SpaceSeed, parkName: string | undefined): OutCell[] {
  const byField: Record<string, OutCell> = {
    ...s,
    parkName: parkName ?? null,
    kind: SPACE_KIND_LABEL[s.kind],
    status: SPACE_STATUS_LABEL[s.status],
  } as unknown as Record<string, OutCell>;
  return SPACE_COLUMNS.map((c) => byField[c.field] ?? null);
}

export function parkExportRows(db: Db): OutCell[][] {
  return listAllParks(db).map(parkRow);
}

export function spaceExportRows(db: Db): OutCell[][] {
  const names = new Map(listAllParks(db).map((p) => [p.id, p.name]));
  return listSpaces(db).map(({ reservedBy: _r, ...s }) => spaceRow(s, names.get(s.parkId)));
}
