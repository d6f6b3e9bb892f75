/**
 * Park operators' spreadsheets: importing parks or units (upsert by id; bad rows reported and left
 * out; all good rows in one transaction, then the knowledge base is rebuilt) and exporting them with
 * the same columns, so that an export imports back.
 */
import type { Env } from '../env.js';
import { listAllParks, listSpaces } from '../db/parks.repo.js';
import type { OutCell } from '../io/export.js';
import { importParks, importSpaces, type SheetImport } from '../io/park-sheet.js';
import {
  PARK_EXPORT_HEADER,
  SPACE_EXPORT_HEADER,
  parkExportRows,
  parkRow,
  spaceExportRows,
  spaceRow,
  upsertParks,
  upsertSpaces,
} from '../io/park-store.js';
import { readTable } from '../io/read-table.js';
import type { RowError } from '../io/rows.js';
import { importLimits } from '../io/table.js';
import { appendAudit } from '../db/audit.js';
import type { Jurisdiction } from '../domain/jurisdiction.schema.js';
import { parkInScope, scopeOf } from './jurisdictions.js';
import { authoriseCaller, type Caller } from './authorise.js';
import type { PipelineDeps } from './context.js';

export interface SheetDeps extends Omit<PipelineDeps, 'env'> {
  env: Pick<Env, 'UPLOAD_MAX_BYTES' | 'UPLOAD_MAX_ROWS' | 'UPLOAD_MAX_CELL_CHARS'>;
}

export interface SheetInput extends Caller {
  /** The uploaded file, and its name (already cleaned for logs and the audit). */
  bytes: Uint8Array;
  fileName: string;
}

export interface ImportReport {
  total: number;
  imported: number;
  created: number;
  updated: number;
  failed: number;
  errors: RowError[];
}

const sourceOf = (fileName: string) => `园区运营方导入（${fileName}）`;

/** Rows about parks outside the caller's jurisdiction become row errors (nothing of them is written). */
function keepInScope<R>(
  r: SheetImport<R>,
  scope: Jurisdiction | null,
  districtOf: (rec: R) => string | undefined,
  field: string,
): SheetImport<R> {
  if (!scope) return r;
  const records: SheetImport<R>['records'] = [];
  const errors = [...r.errors];
  for (const x of r.records) {
    const d = districtOf(x.record);
    if (d !== undefined && parkInScope(scope, d)) records.push(x);
    else errors.push({ row: x.rowNo, field, message: `不属于本辖区（${scope.name}）的园区，未导入 / outside your jurisdiction` });
  }
  errors.sort((a, b) => a.row - b.row);
  return { ...r, records, errors };
}

/** Upserts the good rows in one transaction, rebuilds the knowledge base (answering once it is in use), and reports the counts. */
async function store<R>(
  deps: SheetDeps,
  r: SheetImport<R>,
  fileName: string,
  upsert: (records: R[], audit: { fileName: string; imported: number; created: number; failed: number }) => void,
): Promise<ImportReport> {
  const created = r.records.filter((x) => x.created).length;
  const failed = r.total - r.records.length;
  if (r.records.length) {
    upsert(
      r.records.map((x) => x.record),
      { fileName, imported: r.records.length, created, failed },
    );
    await deps.reloadKnowledge();
  }
  return { total: r.total, imported: r.records.length, created, updated: r.records.length - created, failed, errors: r.errors };
}

/** Imports parks (new ones need every required column; empty cells keep stored values). A file that cannot be used throws its FileProblem. */
export async function importParkSheet(deps: SheetDeps, input: SheetInput): Promise<ImportReport> {
  authoriseCaller(input, 'parks.import');
  const limits = importLimits(deps.env);
  const table = await readTable(input.bytes, limits);
  const stored = new Map(listAllParks(deps.db).map((p) => [p.id, p]));
  const industries = new Set(deps.kb().k.taxonomy.positionings.map((p) => p.name));
  const scope = scopeOf(deps, input);
  const r = keepInScope(importParks(table, limits, stored, industries, sourceOf(input.fileName)), scope, (p) => p.district, 'district');
  return store(deps, r, input.fileName, (records, audit) => upsertParks(deps.db, records, input.actor.name, audit));
}

/** Imports units (a unit's park named by id or by name or alias). */
export async function importSpaceSheet(deps: SheetDeps, input: SheetInput): Promise<ImportReport> {
  authoriseCaller(input, 'spaces.import');
  const limits = importLimits(deps.env);
  const table = await readTable(input.bytes, limits);
  const parks = listAllParks(deps.db);
  const stored = new Map(listSpaces(deps.db).map(({ reservedBy: _r, ...s }) => [s.id, s]));
  const byName = new Map<string, string>();
  for (const p of parks)
    for (const n of [p.name, ...p.aliases]) if (!byName.has(n.replace(/\s+/g, ''))) byName.set(n.replace(/\s+/g, ''), p.id);
  const districtOfPark = new Map(parks.map((p) => [p.id, p.district]));
  const r = keepInScope(
    importSpaces(table, limits, stored, { ids: new Set(parks.map((p) => p.id)), byName }, sourceOf(input.fileName)),
    scopeOf(deps, input),
    (sp) => districtOfPark.get(sp.parkId),
    'parkId',
  );
  return store(deps, r, input.fileName, (records, audit) => upsertSpaces(deps.db, records, input.actor.name, audit));
}

/** Every park or every unit as rows under the import's column names (recorded in the audit). */
export function exportSheet(
  deps: Pick<PipelineDeps, 'db' | 'kb'>,
  caller: Caller,
  kind: 'parks' | 'spaces',
  format = 'csv',
): { header: string[]; rows: OutCell[][] } {
  authoriseCaller(caller, kind === 'parks' ? 'parks.export' : 'spaces.export');
  const scope = scopeOf(deps, caller);
  const out = scope
    ? scopedRows(deps, scope, kind)
    : kind === 'parks'
      ? { header: PARK_EXPORT_HEADER, rows: parkExportRows(deps.db) }
      : { header: SPACE_EXPORT_HEADER, rows: spaceExportRows(deps.db) };
  appendAudit(deps.db, { actor: caller.actor.name, action: `export.${kind}`, object: kind, detail: { format, rows: out.rows.length } });
  return out;
}

/** The rows of the parks, or units, of one jurisdiction. */
function scopedRows(
  deps: Pick<PipelineDeps, 'db'>,
  scope: Jurisdiction,
  kind: 'parks' | 'spaces',
): { header: string[]; rows: OutCell[][] } {
  const parks = listAllParks(deps.db).filter((p) => parkInScope(scope, p.district));
  if (kind === 'parks') return { header: PARK_EXPORT_HEADER, rows: parks.map(parkRow) };
  const names = new Map(parks.map((p) => [p.id, p.name]));
  return {
    header: SPACE_EXPORT_HEADER,
    rows: listSpaces(deps.db)
      .filter((s) => names.has(s.parkId))
      .map(({ reservedBy: _r, ...s }) => spaceRow(s, names.get(s.parkId))),
  };
}

/** The import template: the export's columns with one stored park, or two stored units, as examples (a download: recorded). */
export function sheetTemplate(
  deps: Pick<PipelineDeps, 'db'>,
  caller: Caller,
  kind: 'parks' | 'spaces',
  format = 'csv',
): { header: string[]; rows: OutCell[][] } {
  appendAudit(deps.db, { actor: caller.actor.name, action: 'export.template', object: kind, detail: { format } });
  const parks = listAllParks(deps.db);
  if (kind === 'parks') return { header: PARK_EXPORT_HEADER, rows: parks.slice(0, 1).map(parkRow) };
  const names = new Map(parks.map((p) => [p.id, p.name]));
  return {
    header: SPACE_EXPORT_HEADER,
    rows: listSpaces(deps.db)
      .slice(0, 2)
      .map(({ reservedBy: _r, ...s }) => spaceRow(s, names.get(s.parkId))),
  };
}
