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
import { attachment, columnWidths, toCsv, toXlsx, type OutCell } from '../io/export.js';
import { callerOf } from './session.js';
import { exportSheet, importParkSheet, importSpaceSheet, sheetTemplate } from '../pipeline/park-sheets.js';
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
  content: {
    'text/csv': { schema: z.string() },
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string().meta({ format: 'binary' }) },
  },
};

async function send(
  c: Context,
  format: 'csv' | 'xlsx',
  name: string,
  fallback: string,
  header: string[],
  rows: OutCell[][],
): Promise<Response> {
  if (format === 'xlsx') {
    const buf = await toXlsx(name.slice(0, 31), header, rows, columnWidths(header, rows.slice(0, 500)));
    return c.body(new Uint8Array(buf), 200, {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': attachment(`${name}.xlsx`, `${fallback}.xlsx`),
    });
  }
  return c.body(toCsv(header, rows), 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': attachment(`${name}.csv`, `${fallback}.csv`),
  });
}

export function parkImportRoutes(deps: AppDeps) {
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

  const upload = async (c: Context, file: File) => ({ ...callerOf(c), bytes: await fileBytes(file), fileName: cleanFileName(file.name) });

  return new OpenAPIHono({ defaultHook: validationHook })
    .openapi(importRoute('parks'), async (c) => c.json(await importParkSheet(deps, await upload(c, c.req.valid('form').file)), 200))
    .openapi(importRoute('spaces'), async (c) => c.json(await importSpaceSheet(deps, await upload(c, c.req.valid('form').file)), 200))
    .openapi(exportRoute, (c) => {
      const { kind } = c.req.valid('param');
      const format = c.req.valid('query').format ?? 'csv';
      const { header, rows } = exportSheet(deps, callerOf(c), kind, format);
      const [name, fallback] = kind === 'parks' ? ['园区', 'luodi-parks'] : ['空间', 'luodi-spaces'];
      return send(c, format, name, fallback, header, rows);
    })
    .openapi(templateRoute, (c) => {
      const { kind = 'parks', format = 'csv' } = c.req.valid('query');
      const { header, rows } = sheetTemplate(deps, callerOf(c), kind, format);
      const [name, fallback] = kind === 'parks' ? ['园区导入模板', 'luodi-parks-template'] : ['空间导入模板', 'luodi-spaces-template'];
      return send(c, format, name, fallback, header, rows);
    });
}
