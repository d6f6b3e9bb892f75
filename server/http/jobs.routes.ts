/**
 * Bulk scoring: POST /api/jobs/score (a CSV/XLSX of leads → 202 {jobId}), GET /api/jobs/:id
 * (status and progress, row errors), GET /api/jobs/:id/results?format=csv|xlsx|json, plus the
 * template, the job list and the row errors as a download. Handlers stay thin: the job is queued by
 * server/pipeline/score-jobs.ts (the file read by server/io, rows stored by the jobs repository),
 * scoring happens in the runner's workers.
 */
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { Context } from 'hono';
import type { AppDeps } from '../deps.js';
import { LEAD_COLUMNS, TEMPLATE_EXAMPLES, TEMPLATE_FIELDS } from '../io/lead-columns.js';
import type { LeadSheetSummary } from '../io/lead-sheet.js';
import {
  CSV_BOM,
  attachment,
  columnWidths,
  csvLine,
  csvStream,
  renderedStream,
  toCsv,
  toWebStream,
  toXlsx,
  xlsxStream,
  type OutCell,
} from '../io/export.js';
import { headerSheetRow, rawResultPages, resultPages, type Job, type ResultPage } from '../jobs/jobs.repo.js';
import { callerOf } from './session.js';
import {
  TABLE_SORTS,
  allRowsHeader,
  presentJob,
  problemsByRow,
  resultRow,
  resultsHeader,
  sortTable,
  tableRows,
  uniqueNames,
  type TableRow,
} from '../jobs/present.js';
import {
  deleteScoreJob,
  listScoreJobs,
  readScoreJob,
  scoreJobForErrors,
  scoreJobForResults,
  scoreJobForTable,
  startScoreJob,
} from '../pipeline/score-jobs.js';
import { problem } from './errors.js';
import { RowErrorSchema } from './schemas.js';
import { UploadForm, cleanFileName, fileBytes, uploadLimit } from './upload.js';
import { queryInt, validationHook } from './validation.js';

const JobSchema = z
  .object({
    id: z.string(),
    jobId: z.string(),
    status: z.enum(['queued', 'running', 'done', 'failed']),
    fileName: z.string().nullable(),
    total: z.number().int(),
    processed: z.number().int(),
    failed: z.number().int(),
    progress: z.number().meta({ description: '0..1' }),
    errors: z.array(RowErrorSchema),
    errorCount: z.number().int(),
    message: z.string().nullable(),
    columns: z.array(z.string()),
    createdAt: z.string(),
    updatedAt: z.string(),
    results: z.object({ csv: z.string(), xlsx: z.string(), json: z.string() }).nullable(),
  })
  .meta({ id: 'Job' });
const Accepted = z.object({
  jobId: z.string(),
  status: z.literal('queued'),
  total: z.number().int(),
  failed: z.number().int(),
  format: z.enum(['csv', 'xlsx']),
  encoding: z.string().nullable(),
  columns: z.array(z.object({ name: z.string(), field: z.string().nullable() })),
  ignoredColumns: z.array(z.string()),
  statusUrl: z.string(),
});

function presentAccepted(jobId: string, sheet: LeadSheetSummary): z.infer<typeof Accepted> {
  return {
    jobId,
    status: 'queued',
    total: sheet.total,
    failed: sheet.failed,
    format: sheet.format,
    encoding: sheet.encoding,
    columns: sheet.columns.map((col) => ({ name: col.header, field: col.spec?.field ?? null })),
    ignoredColumns: sheet.columns.filter((col) => !col.spec).map((col) => col.header),
    statusUrl: `/api/jobs/${jobId}`,
  };
}

const IdParam = z.object({ id: z.string().min(1).max(64) });
const fileFormat = z.enum(['csv', 'xlsx']);
const download = (description: string) => ({
  description,
  content: {
    'text/csv': { schema: z.string() },
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string().meta({ format: 'binary' }) },
  },
});

const templateRoute = createRoute({
  method: 'get',
  path: '/jobs/template',
  tags: ['jobs'],
  summary: '批量评分模板 / the lead spreadsheet template',
  request: { query: z.strictObject({ format: fileFormat.optional() }) },
  responses: { 200: download('template with the Chinese column names and two example rows'), 400: problem('bad format') },
});

const listRoute = createRoute({
  method: 'get',
  path: '/jobs',
  tags: ['jobs'],
  summary: '最近的批量评分任务 / recent jobs',
  request: { query: z.strictObject({ limit: queryInt(1, 100).optional() }) },
  responses: {
    200: {
      description: 'jobs, newest first (errors left out)',
      content: { 'application/json': { schema: z.object({ items: z.array(JobSchema) }) } },
    },
  },
});

export function jobsRoutes(deps: AppDeps) {
  const app = new OpenAPIHono({ defaultHook: validationHook });

  const scoreRoute = createRoute({
    method: 'post',
    path: '/jobs/score',
    tags: ['jobs'],
    summary: '上传线索表批量评分 / upload a lead spreadsheet for bulk scoring',
    description:
      'multipart 字段 file：CSV（UTF-8、带 BOM 的 UTF-8、GBK/GB18030）或 XLSX（第一个工作表）。表头可用 Lead 字段名或中文列名（见 README）。',
    middleware: [uploadLimit(deps.env)] as const,
    request: { body: { required: true, content: { 'multipart/form-data': { schema: UploadForm } } } },
    responses: {
      202: { description: 'job queued', content: { 'application/json': { schema: Accepted } } },
      400: problem('not a spreadsheet, empty, no recognisable header, or over a limit'),
    },
  });

  const statusRoute = createRoute({
    method: 'get',
    path: '/jobs/{id}',
    tags: ['jobs'],
    summary: '任务进度与错误行 / job status, progress and row errors',
    request: {
      params: IdParam,
      query: z.strictObject({ errorsLimit: queryInt(0, 1_000_000).optional().meta({ description: '最多返回多少条行错误（默认全部）' }) }),
    },
    responses: { 200: { description: 'job', content: { 'application/json': { schema: JobSchema } } }, 404: problem('unknown job') },
  });

  const deleteRoute = createRoute({
    method: 'delete',
    path: '/jobs/{id}',
    tags: ['jobs'],
    summary: '删除任务及其全部行与结果 / delete a job with its rows and results',
    request: { params: IdParam },
    responses: { 204: { description: 'deleted: the job, its rows and results are gone' }, 404: problem('unknown job') },
  });

  const resultsRoute = createRoute({
    method: 'get',
    path: '/jobs/{id}/results',
    tags: ['jobs'],
    summary: '下载评分结果 / download the results',
    description:
      "每个有效输入行一行，按输入顺序：输入列，然后 推荐园区、得分、备选园区、排除原因、推荐理由。CSV 为带 BOM 的 UTF-8；以 = + - @ 制表符 回车 开头的文本加前导 '；XLSX 只含值，不含公式。",
    request: {
      params: IdParam,
      query: z.strictObject({
        format: z.enum(['csv', 'xlsx', 'json']).optional(),
        rows: z.enum(['scored', 'all']).optional().meta({
          description:
            'scored（默认，API v1）：只含评分成功的行；all：每一行都保留，首列“原表行号”（Excel 中的行号），末列“问题说明”（有问题的行的错误信息）',
        }),
      }),
    },
    responses: {
      200: {
        ...download('results'),
        content: {
          ...download('results').content,
          'application/json': {
            schema: z.object({ jobId: z.string(), columns: z.array(z.string()), items: z.array(z.record(z.string(), z.unknown())) }),
          },
        },
      },
      404: problem('unknown job'),
      409: problem('job not done yet'),
    },
  });

  const errorsRoute = createRoute({
    method: 'get',
    path: '/jobs/{id}/errors',
    tags: ['jobs'],
    summary: '下载错误行清单 / download the row errors',
    request: { params: IdParam, query: z.strictObject({ format: fileFormat.optional() }) },
    responses: { 200: download('row errors: 表格行号（Excel 中的行号）, 列, 说明'), 404: problem('unknown job') },
  });

  const TableItem = z.object({
    row: z.number().int().meta({ description: '数据行序号（表头为第 0 行）' }),
    line: z.number().int().meta({ description: 'Excel 中的行号（表头通常为第 1 行）' }),
    name: z.string().nullable(),
    company: z.string().nullable(),
    parkName: z.string().nullable(),
    district: z.string().nullable(),
    score: z.number().nullable(),
    alternatives: z.string().nullable(),
    problem: z.string().nullable(),
  });
  const tableRoute = createRoute({
    method: 'get',
    path: '/jobs/{id}/table',
    tags: ['jobs'],
    summary: '评分结果表（分页、可排序，含有问题的行）/ the results as a sortable, paged table',
    request: {
      params: IdParam,
      query: z.strictObject({
        sort: z.enum(TABLE_SORTS).optional().meta({ description: 'line 原表行号（默认）| score 得分 | park 推荐园区 | name 项目名称' }),
        order: z.enum(['asc', 'desc']).optional(),
        offset: queryInt(0, 10_000_000).optional(),
        limit: queryInt(1, 500).optional().meta({ description: 'default 50, max 500' }),
      }),
    },
    responses: {
      200: {
        description: 'a page of rows',
        content: { 'application/json': { schema: z.object({ total: z.number().int(), items: z.array(TableItem) }) } },
      },
      404: problem('unknown job'),
      409: problem('job not done yet'),
    },
  });
  // the table of the job last viewed, sorted pages read from memory (one job: a 100,000-row table is ~20 MB)
  let tableCache: { key: string; rows: TableRow[] } | null = null;

  const baseName = (j: Job) => (j.fileName ?? 'leads').replace(/\.(csv|xlsx|txt)$/i, '');

  const sendTable = (
    c: Context,
    format: 'csv' | 'xlsx',
    name: string,
    fallback: string,
    header: string[],
    pages: Iterator<OutCell[][]>,
    sheet = '评分结果',
  ) => {
    if (format === 'xlsx') {
      // column widths from the header and the first page; the pages stream on from there
      const first = pages.next();
      const head: OutCell[][] = first.done ? [] : first.value;
      const rest = (function* () {
        if (!first.done) yield head;
        for (let n = pages.next(); !n.done; n = pages.next()) yield n.value;
      })();
      return c.body(toWebStream(xlsxStream(sheet, header, rest, columnWidths(header, head.slice(0, 500)))), 200, {
        'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'Content-Disposition': attachment(`${name}.xlsx`, `${fallback}.xlsx`),
      });
    }
    return c.body(csvStream(header, pages), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': attachment(`${name}.csv`, `${fallback}.csv`),
    });
  };

  return app
    .openapi(templateRoute, async (c) => {
      const format = c.req.valid('query').format ?? 'csv';
      const header = TEMPLATE_FIELDS.map((f) => LEAD_COLUMNS.find((x) => x.field === f)!.label);
      if (format === 'xlsx') {
        const buf = await toXlsx(
          '线索',
          header,
          TEMPLATE_EXAMPLES,
          header.map((h) => (h === '项目简介' ? 40 : 16)),
        );
        return c.body(new Uint8Array(buf), 200, {
          'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'Content-Disposition': attachment('线索导入模板.xlsx', 'luodi-leads-template.xlsx'),
        });
      }
      return c.body(toCsv(header, TEMPLATE_EXAMPLES), 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': attachment('线索导入模板.csv', 'luodi-leads-template.csv'),
      });
    })
    .openapi(listRoute, (c) => {
      const items = listScoreJobs(deps, callerOf(c), c.req.valid('query').limit ?? 20).map((j) => presentJob(j, 0));
      return c.json({ items }, 200);
    })
    .openapi(scoreRoute, async (c) => {
      const { file } = c.req.valid('form');
      const { jobId, sheet } = await startScoreJob(deps, {
        ...callerOf(c),
        bytes: await fileBytes(file),
        fileName: cleanFileName(file.name),
      });
      return c.json(presentAccepted(jobId, sheet), 202, { Location: `/api/jobs/${jobId}` });
    })
    .openapi(statusRoute, (c) =>
      c.json(presentJob(readScoreJob(deps, callerOf(c), c.req.valid('param').id), c.req.valid('query').errorsLimit), 200),
    )
    .openapi(deleteRoute, async (c) => {
      await deleteScoreJob(deps, callerOf(c), c.req.valid('param').id);
      if (tableCache?.key.startsWith(`${c.req.valid('param').id}:`)) tableCache = null;
      return c.body(null, 204);
    })
    .openapi(resultsRoute, (c) => {
      const q = c.req.valid('query');
      const format = q.format ?? 'csv';
      const all = q.rows === 'all';
      const j = scoreJobForResults(deps, callerOf(c), c.req.valid('param').id, format);
      const headerRow = headerSheetRow(deps.db, j.id, j.errors);
      const problems = all ? problemsByRow(j) : new Map<number, string>();
      const header = all ? allRowsHeader(j) : resultsHeader(j);
      if (format === 'xlsx') {
        const rows = (function* () {
          for (const page of resultPages(deps.db, j.id, 1000, all))
            yield page.map((r) => {
              const cells = resultRow(j.columns, r);
              return all ? [headerRow + r.rowNo, ...cells, problems.get(r.rowNo) ?? null] : cells;
            });
        })();
        return sendTable(c, format, `${baseName(j)}_评分结果`, `luodi-${j.id}-results`, header, rows);
      }
      // CSV and JSON: pages rendered on the workers while they are up, sent in input order
      const { ahead, render } = deps.jobs.renderer();
      const pages = rawResultPages(deps.db, j.id, 1000, all);
      const page = (p: ResultPage) =>
        render({
          format,
          columns: j.columns,
          rows: p.rows,
          strings: p.strings,
          ...(all
            ? {
                all: {
                  headerRow,
                  problems: p.rows.flatMap((r): [number, string][] => (problems.has(r.rowNo) ? [[r.rowNo, problems.get(r.rowNo)!]] : [])),
                },
              }
            : {}),
        });
      if (format === 'json') {
        const head = `{"jobId":${JSON.stringify(j.id)},"columns":${JSON.stringify(uniqueNames(j.columns))},"items":[`;
        const body = renderedStream({ head, tail: ']}', between: ',', pages, ahead, render: page });
        return c.body(body, 200, { 'Content-Type': 'application/json; charset=utf-8' });
      }
      const body = renderedStream({ head: CSV_BOM + csvLine(header), tail: '', pages, ahead, render: page });
      return c.body(body, 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': attachment(`${baseName(j)}_评分结果.csv`, `luodi-${j.id}-results.csv`),
      });
    })
    .openapi(errorsRoute, (c) => {
      const format = c.req.valid('query').format ?? 'csv';
      const j = scoreJobForErrors(deps, callerOf(c), c.req.valid('param').id, format);
      const headerRow = headerSheetRow(deps.db, j.id, j.errors);
      // the row as Excel shows it, the column as the file heads it, the sentence (no field keys)
      const rows: OutCell[][] = j.errors.map((e) => [e.line ?? headerRow + e.row, e.column ?? null, e.message]);
      return sendTable(
        c,
        format,
        `${baseName(j)}_错误行`,
        `luodi-${j.id}-errors`,
        ['表格行号', '列', '说明'],
        [rows][Symbol.iterator](),
        '错误行',
      );
    })
    .openapi(tableRoute, (c) => {
      const q = c.req.valid('query');
      const offset = q.offset ?? 0;
      const limit = q.limit ?? 50;
      const j = scoreJobForTable(deps, callerOf(c), c.req.valid('param').id, offset === 0);
      const key = `${j.id}:${j.updatedAt}`;
      if (tableCache?.key !== key) {
        tableCache = null; // the previous table is let go before the next one is built
        tableCache = { key, rows: tableRows(j, resultPages(deps.db, j.id, 1000, true), headerSheetRow(deps.db, j.id, j.errors)) };
      }
      const sort = q.sort ?? 'line';
      const rows = sort === 'line' && q.order !== 'desc' ? tableCache.rows : sortTable(tableCache.rows, sort, q.order ?? 'asc');
      return c.json({ total: rows.length, items: rows.slice(offset, offset + limit) }, 200);
    });
}
