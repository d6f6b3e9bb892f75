// 落地 bulk scoring page: upload a lead sheet, watch the job's progress, see bad rows, download the
// results; and the park operators' import. Plain DOM; all text goes through textContent (never
// parsed as HTML), so the page works under the strict CSP.

import { $, el, fmt, problem, session, toLogin } from './dom.js';

const PAGE = 50;

const STATUS = { queued: '排队中', running: '评分中', done: '已完成', failed: '失败' };
const SHOW_ERRORS = 200;

async function getJson(path) {
  const res = await fetch(path);
  if (res.status === 401) toLogin();
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new Error(problem(body, res.status));
  return body;
}

/** POST a file with upload progress (fetch cannot report it). */
function postFile(path, file, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const fd = new FormData();
    fd.append('file', file);
    xhr.open('POST', path);
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress?.(e.loaded / e.total);
    xhr.onload = () =>
      xhr.status === 401
        ? (toLogin(), reject(new Error('登录已失效，请重新登录')))
        : xhr.status >= 200 && xhr.status < 300
          ? resolve(xhr.response)
          : reject(new Error(problem(xhr.response, xhr.status)));
    xhr.onerror = () => reject(new Error('网络错误，上传未完成'));
    xhr.send(fd);
  });
}

// ---------- upload ----------
let chosen = null;

function choose(file) {
  chosen = file ?? null;
  $('#drop-text').textContent = chosen
    ? `已选择：${chosen.name}（${fmt(Math.ceil(chosen.size / 1024))} KB）`
    : '把文件拖到这里，或点击选择文件';
  $('#upload-button').disabled = !chosen;
}

function setupDrop() {
  const drop = $('#drop');
  $('#file').addEventListener('change', (e) => choose(e.target.files[0]));
  for (const ev of ['dragenter', 'dragover']) drop.addEventListener(ev, (e) => (e.preventDefault(), drop.classList.add('over')));
  for (const ev of ['dragleave', 'drop']) drop.addEventListener(ev, () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    if (e.dataTransfer?.files?.length) choose(e.dataTransfer.files[0]);
  });
  $('#upload-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!chosen) return;
    const status = $('#upload-status');
    status.className = 'job-status';
    $('#upload-button').disabled = true;
    try {
      status.textContent = '上传中…';
      const res = await postFile(
        '/api/jobs/score',
        chosen,
        (p) => (status.textContent = p < 1 ? `上传中 ${Math.round(p * 100)}%` : '正在读取表格…'),
      );
      const ignored = res.ignoredColumns.length ? `；未识别的列（原样保留在结果中）：${res.ignoredColumns.join('、')}` : '';
      status.textContent = `已接收 ${fmt(res.total)} 行${ignored}`;
      location.hash = `job=${res.jobId}`;
      watch(res.jobId);
      loadRecent();
    } catch (err) {
      status.className = 'job-status error';
      status.textContent = `无法导入：${err.message}`;
    } finally {
      $('#upload-button').disabled = !chosen;
    }
  });
}

// ---------- the results table ----------
const table = { jobId: null, sort: 'line', order: 'asc', offset: 0, total: 0 };
const COLUMNS = [
  ['line', '行号', (r) => String(r.line)],
  ['name', '项目名称', (r) => r.name ?? r.company ?? '未填'],
  ['park', '推荐园区', (r) => (r.parkName ? `${r.parkName}${r.district ? `（${r.district}）` : ''}` : '未评分')],
  // empty cells, not dashes: on a phone an empty line of the card is left out
  ['score', '得分', (r) => (r.score === null ? '' : String(r.score))],
  [null, '备选园区', (r) => r.alternatives ?? ''],
  [null, '问题说明', (r) => r.problem ?? ''],
];

async function loadTable() {
  const qs = new URLSearchParams({ sort: table.sort, order: table.order, offset: String(table.offset), limit: String(PAGE) });
  try {
    const body = await getJson(`/api/jobs/${encodeURIComponent(table.jobId)}/table?${qs}`);
    table.total = body.total;
    renderTable(body.items);
  } catch (err) {
    $('#results-page').textContent = `无法读取结果：${err.message}`;
  }
}

function sortBy(key, order) {
  if (order) table.order = order;
  else if (table.sort === key) table.order = table.order === 'asc' ? 'desc' : 'asc';
  else table.order = key === 'score' ? 'desc' : 'asc';
  table.sort = key;
  table.offset = 0;
  $('#results-sort').value = `${table.sort}:${table.order}`;
  loadTable();
}
$('#results-sort').addEventListener('change', (e) => {
  const [key, order] = e.target.value.split(':');
  sortBy(key, order);
});

function renderTable(items) {
  $('#job-results').hidden = false;
  const head = COLUMNS.map(([key, label]) => {
    if (!key) return el('th', { scope: 'col' }, label);
    const on = table.sort === key;
    return el(
      'th',
      { scope: 'col', 'aria-sort': on ? (table.order === 'asc' ? 'ascending' : 'descending') : 'none' },
      el('button', { type: 'button', class: 'sort', onclick: () => sortBy(key) }, label, on ? (table.order === 'asc' ? ' ▲' : ' ▼') : ''),
    );
  });
  const rows = items.map((r) =>
    el(
      'tr',
      { class: r.problem ? 'bad-row' : '' },
      COLUMNS.map(([, label, cell]) => el('td', { 'data-label': label }, cell(r))),
    ),
  );
  $('#results-table').replaceChildren(
    el('table', { class: 'stack results', id: 'results-grid' }, el('thead', {}, el('tr', {}, head)), el('tbody', {}, rows)),
  );
  const from = table.total ? table.offset + 1 : 0;
  const to = Math.min(table.offset + PAGE, table.total);
  $('#results-page').textContent = `第 ${fmt(from)}–${fmt(to)} 行，共 ${fmt(table.total)} 行`;
  $('#results-prev').disabled = table.offset === 0;
  $('#results-next').disabled = to >= table.total;
}

$('#results-prev').addEventListener('click', () => {
  table.offset = Math.max(0, table.offset - PAGE);
  loadTable();
});
$('#results-next').addEventListener('click', () => {
  table.offset += PAGE;
  loadTable();
});

// ---------- job progress ----------
let watching = null;

function renderErrors(job) {
  const box = $('#job-errors');
  box.hidden = job.errorCount === 0;
  if (box.hidden) return;
  // the row as Excel shows it (line); the column as the file heads it
  const rows = job.errors.map((e) =>
    el(
      'tr',
      {},
      el('td', { 'data-label': '行号' }, String(e.line ?? e.row + 1)),
      el('td', { 'data-label': '列' }, e.column ?? '整行'),
      el('td', { 'data-label': '说明' }, e.message),
    ),
  );
  $('#errors-body').replaceChildren(...rows);
  const note = $('#errors-note');
  note.replaceChildren(
    `共 ${fmt(job.failed)} 行有问题（${fmt(job.errorCount)} 处）${job.errorCount > job.errors.length ? `，下表显示前 ${job.errors.length} 处` : ''}。行号与 Excel 中的行号一致（表头为第 1 行）。`,
    ' ',
    el('a', { href: `/api/jobs/${encodeURIComponent(job.id)}/errors?format=xlsx`, download: '' }, '下载全部错误行'),
  );
}

function renderJob(job) {
  $('#job').hidden = false;
  $('#job-file').textContent = `文件：${job.fileName ?? ''}`;
  const bar = $('#job-progress');
  bar.value = job.progress;
  bar.textContent = `${Math.round(job.progress * 100)}%`;
  const good = job.total - job.failed;
  const text =
    job.status === 'done'
      ? `已完成：${fmt(job.total)} 行，${fmt(good)} 行已评分，${fmt(job.failed)} 行有问题未评分。`
      : job.status === 'failed'
        ? `任务失败：${job.message ?? ''}`
        : `${STATUS[job.status]}：已处理 ${fmt(job.processed)} / ${fmt(job.total)} 行（${Math.round(job.progress * 100)}%）`;
  const t = $('#job-text');
  t.textContent = text;
  t.className = `job-status${job.status === 'failed' ? ' error' : ''}`;
  const dl = $('#job-downloads');
  dl.hidden = job.status !== 'done';
  if (job.results) {
    // every row kept: bad rows with their problem (rows=all)
    $('#dl-xlsx').href = `${job.results.xlsx}&rows=all`;
    $('#dl-csv').href = `${job.results.csv}&rows=all`;
  }
  renderErrors(job);
  if (job.status === 'done' && table.jobId !== job.id) {
    Object.assign(table, { jobId: job.id, sort: 'line', order: 'asc', offset: 0 });
    $('#results-sort').value = 'line:asc';
    loadTable();
  }
  if (job.status !== 'done') $('#job-results').hidden = true;
}

async function watch(jobId) {
  const me = (watching = jobId);
  for (;;) {
    if (watching !== me) return;
    try {
      const job = await getJson(`/api/jobs/${encodeURIComponent(jobId)}?errorsLimit=${SHOW_ERRORS}`);
      renderJob(job);
      if (job.status === 'done' || job.status === 'failed') return loadRecent();
    } catch (err) {
      $('#job').hidden = false;
      $('#job-text').textContent = `无法读取任务：${err.message}`;
      return;
    }
    await new Promise((r) => setTimeout(r, 700));
  }
}

async function loadRecent() {
  try {
    const { items } = await getJson('/api/jobs?limit=10');
    $('#recent-list').replaceChildren(
      ...(items.length
        ? items.map((j) =>
            el(
              'li',
              {},
              el(
                'button',
                { type: 'button', class: 'linkish', onclick: () => ((location.hash = `job=${j.id}`), watch(j.id)) },
                j.fileName ?? j.id,
              ),
              el(
                'span',
                { class: 'muted' },
                ` ${STATUS[j.status] ?? j.status} · ${fmt(j.total)} 行 · ${fmt(j.failed)} 行有问题 · ${new Date(j.createdAt).toLocaleString('zh-CN')}`,
              ),
            ),
          )
        : [el('li', { class: 'muted' }, '还没有任务')]),
    );
  } catch {
    /* the list is a convenience */
  }
}

// ---------- park and space import ----------
function setupParkImport() {
  $('#park-import-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const form = e.target;
    const kind = form.kind.value;
    const file = form.file.files[0];
    const status = $('#park-import-status');
    const list = $('#park-import-errors');
    list.replaceChildren();
    status.className = 'job-status';
    if (!file) return;
    try {
      status.textContent = '导入中…';
      const r = await postFile(`/api/import/${kind}`, file);
      status.textContent = `共 ${fmt(r.total)} 行：导入 ${fmt(r.imported)} 行（新增 ${fmt(r.created)}，更新 ${fmt(r.updated)}），${fmt(r.failed)} 行有问题未导入。`;
      list.replaceChildren(...r.errors.slice(0, SHOW_ERRORS).map((x) => el('li', {}, x.message)));
    } catch (err) {
      status.className = 'job-status error';
      status.textContent = `无法导入：${err.message}`;
    }
  });
}

// the controls work at once (a file may be chosen before the session answers); the sections the role
// may not use are hidden by session(), and the server refuses them anyway
setupDrop();
setupParkImport();
session().then((me) => {
  if (me.role === 'viewer') return;
  loadRecent();
  const fromHash = location.hash.match(/^#job=([\w-]+)$/);
  if (fromHash) watch(fromHash[1]);
});
