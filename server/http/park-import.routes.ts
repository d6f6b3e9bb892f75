/**
 * Park operators keep their parks and vacancy current with the same machinery as bulk scoring:
 * POST /api/import/parks and /api/import/spaces (CSV/XLSX, upsert by id, bad rows reported and left
 * out, all good rows in one transaction, then the knowledge base is rebuilt), GET
 * /api/export/parks and /api/export/spaces (the same columns, so an export imports back), and
 * GET /api/import/template?kind=parks|spaces.
 */
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { Context } from 'hono';
import type { AppDeps } from '../deps.js';
import { listAllParks, listSpaces } from '../db/parks.repo.js';
import { readTable } from '../io/read-table.js';
import { importParks, importSpaces } from '../io/park-sheet.js';
import { PARK_EXPORT_HEADER, SPACE_EXPORT_HEADER, parkExportRows, parkRow, spaceExportRows, spaceRow, upsertParks, upsertSpaces } from '../io/park-store.js';
import { importLimits, type Table } from '../io/table.js';
import { attachment, toCsv, toXlsx, type OutCell } from '../io/export.js';
import { problem } from './errors.js';
import { RowErrorSchema } from './schemas.js';
import { UploadForm, cleanFileName, fileBytes, uploadLimit } from './upload.js';
import { validationHook } from './validation.js';

const ImportResult = z.object({
  total: z.number().int(),
  imported: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  failed: z.number().int(),
  errors: z.array(RowErrorSchema),
});
const Kind = z.enum(['parks', 'spaces']);
const Format = z.enum(['csv', 'xlsx']);
const fileResponse = {
  description: 'CSV (UTF-8 with BOM) or XLSX',
  content: { 'text/csv': { schema: z.string() }, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string().meta({ format: 'binary' }) } },
};

async function send(c: Context, format: 'csv' | 'xlsx', name: string, fallback: string, header: string[], rows: OutCell[][]): Promise<Response> {
  if (format === 'xlsx') {
    const buf = await toXlsx(name.slice(0, 31), header, rows);
    return c.body(new Uint8Array(buf), 200, { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'Content-Disposition': attachment(`${name}.xlsx`, `${fallback}.xlsx`) });
  }
  return c.body(toCsv(header, rows), 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': attachment(`${name}.csv`, `${fallback}.csv`) });
}

export function parkImportRoutes(deps: AppDeps) {
  const limits = importLimits(deps.env);
  const importRoute = (kind: 'parks' | 'spaces') =>
    createRoute({
      method: 'post',
      path: `/import/${kind}`,
      tags: ['import'],
      summary: kind === 'parks' ? '导入园区（按园区编号新增或更新）/ import parks' : '导入空间/空置（按空间编号新增或更新）/ import spaces',
      middleware: [uploadLimit(deps.env)] as const,
      request: { body: { required: true, content: { 'multipart/form-data': { schema: UploadForm } } } },
      responses: {
        200: { description: 'rows imported; bad rows reported and left out', content: { 'application/json': { schema: ImportResult } } },
        400: problem('not a spreadsheet, empty, no recognisable header, or over a limit'),
      },
    });
  const exportRoute = createRoute({
    method: 'get',
    path: '/export/{kind}',
    tags: ['import'],
    summary: '导出园区或空间（与导入同列，可改后再导入）/ export parks or spaces',
    request: { params: z.object({ kind: Kind }), query: z.strictObject({ format: Format.optional() }) },
    responses: { 200: fileResponse, 400: problem('bad kind or format') },
  });
  const templateRoute = createRoute({
    method: 'get',
    path: '/import/template',
    tags: ['import'],
    summary: '园区/空间导入模板 / import template',
    request: { query: z.strictObject({ kind: Kind.optional(), format: Format.optional() }) },
    responses: { 200: fileResponse, 400: problem('bad kind or format') },
  });

  const readUpload = async (file: File): Promise<Table> => readTable(await fileBytes(file), limits);
  const source = (file: File) => `园区运营方导入（${cleanFileName(file.name)}）`;
  /** Upserts the good rows in one transaction, rebuilds the knowledge base, and reports the counts. */
  const store = <R>(
    r: { total: number; records: { record: R; created: boolean }[]; errors: z.infer<typeof RowErrorSchema>[] },
    file: File,
    upsert: (records: R[], audit: { fileName: string; imported: number; created: number; failed: number }) => void,
  ) => {
    const created = r.records.filter((x) => x.created).length;
    const failed = r.total - r.records.length;
    if (r.records.length) {
      upsert(r.records.map((x) => x.record), { fileName: cleanFileName(file.name), imported: r.records.length, created, failed });
      deps.reloadKnowledge();
    }
    return { total: r.total, imported: r.records.length, created, updated: r.records.length - created, failed, errors: r.errors };
  };

  return new OpenAPIHono({ defaultHook: validationHook })
    .openapi(importRoute('parks'), async (c) => {
      const { file } = c.req.valid('form');
      const table = await readUpload(file);
      const stored = new Map(listAllParks(deps.db).map((p) => [p.id, p]));
      const industries = new Set(deps.kb().k.taxonomy.positionings.map((p) => p.name));
      const r = importParks(table, limits, stored, industries, source(file));
      return c.json(store(r, file, (records, audit) => upsertParks(deps.db, records, 'api', audit)), 200);
    })
    .openapi(importRoute('spaces'), async (c) => {
      const { file } = c.req.valid('form');
      const table = await readUpload(file);
      const parks = listAllParks(deps.db);
      const stored = new Map(listSpaces(deps.db).map(({ reservedBy: _r, ...s }) => [s.id, s]));
      const byName = new Map<string, string>();
      for (const p of parks) for (const n of [p.name, ...p.aliases]) if (!byName.has(n.replace(/\s+/g, ''))) byName.set(n.replace(/\s+/g, ''), p.id);
      const r = importSpaces(table, limits, stored, { ids: new Set(parks.map((p) => p.id)), byName }, source(file));
      return c.json(store(r, file, (records, audit) => upsertSpaces(deps.db, records, 'api', audit)), 200);
    })
    .openapi(exportRoute, async (c) => {
      const { kind } = c.req.valid('param');
      const format = c.req.valid('query').format ?? 'csv';
      if (kind === 'parks') return (await send(c, format, '园区', 'luodi-parks', PARK_EXPORT_HEADER, parkExportRows(deps.db))) as never;
      return (await send(c, format, '空间', 'luodi-spaces', SPACE_EXPORT_HEADER, spaceExportRows(deps.db))) as never;
    })
    .openapi(templateRoute, async (c) => {
      const { kind = 'parks', format = 'csv' } = c.req.valid('query');
      const parks = listAllParks(deps.db);
      if (kind === 'parks') return (await send(c, format, '园区导入模板', 'luodi-parks-template', PARK_EXPORT_HEADER, parks.slice(0, 1).map(parkRow))) as never;
      const sp = listSpaces(deps.db).slice(0, 2);
      const names = new Map(parks.map((p) => [p.id, p.name]));
      return (await send(c, format, '空间导入模板', 'luodi-spaces-template', SPACE_EXPORT_HEADER, sp.map(({ reservedBy: _r, ...s }) => spaceRow(s, names.get(s.parkId))))) as never;
    });
}
