// 园区库 page: filter the parks of the user's jurisdiction by text, district, industry and vacant
// space; open a park for its facts, units, chains and rules (the ones that rule a project out first).
// Plain DOM; every text goes through textContent (strict CSP). Filters and the open park live in the URL.

import { $, el, api, fmt, session, stackTable } from './dom.js';

const KIND = { factory: '厂房', rnd: '研发楼', office: '办公', land: '用地' };
const SPACE_STATUS = { vacant: '空置', reserved: '已预留', occupied: '已占用' };
const TIER = { upstream: '上游', midstream: '中游', downstream: '下游' };
const FILTERS = ['q', 'district', 'industry', 'minVacantM2'];

const form = () => $('#park-filters');

function filtersFromForm() {
  const fd = new FormData(form());
  const out = {};
  for (const k of FILTERS) {
    const v = String(fd.get(k) ?? '').trim();
    if (v) out[k] = v;
  }
  return out;
}

function setUrl(filters, park) {
  const qs = new URLSearchParams(filters);
  if (park) qs.set('park', park);
  const next = `${location.pathname}${qs.size ? `?${qs}` : ''}`;
  if (next !== location.pathname + location.search) history.replaceState(null, '', next);
}

function describeFilters(f) {
  const parts = [];
  if (f.q) parts.push(`“${f.q}”`);
  if (f.district) parts.push(f.district);
  if (f.industry) parts.push(`产业：${f.industry}`);
  if (f.minVacantM2) parts.push(`最大空置 ≥ ${fmt(Number(f.minVacantM2))}㎡`);
  return parts.join('，');
}

/** District and town, the district said once (萧山区（镇街待核实）, not 萧山区 · 萧山区（镇街待核实）). */
const placeOf = (p) => (p.town?.startsWith(p.district) ? p.town : [p.district, p.town].filter(Boolean).join(' · '));
const area = (n) => el('span', { class: 'nowrap' }, `${fmt(Math.round(n))}㎡`);

function parkCard(p) {
  return el(
    'li',
    { class: 'park-card' },
    el(
      'h3',
      {},
      el(
        'a',
        { href: `?park=${encodeURIComponent(p.id)}`, class: 'park-open', onclick: (e) => (e.preventDefault(), openPark(p.id)) },
        p.name,
      ),
    ),
    el('p', { class: 'muted' }, `${placeOf(p)}${p.kind ? ` · ${p.kind}` : ''}`),
    el('p', {}, `主导产业：${p.leadingIndustries.join('、') || '定位未定'}`),
    el(
      'p',
      { class: 'vacancy' },
      p.vacantSpaces ? [`空置 ${p.vacantSpaces} 处，共 `, area(p.vacantAreaM2), '，最大一处 ', area(p.largestVacantM2)] : '暂无空置空间',
    ),
  );
}

async function loadParks() {
  const f = filtersFromForm();
  setUrl(f, new URLSearchParams(location.search).get('park'));
  const count = $('#park-count');
  count.textContent = '正在查询……';
  try {
    const body = await api(`/api/parks?${new URLSearchParams({ ...f, limit: '500' })}`);
    const filtered = Object.keys(f).length > 0;
    count.textContent = filtered
      ? body.total
        ? `找到 ${body.total} 个园区（${describeFilters(f)}）${f.q ? '，按相关度排序' : ''}`
        : `没有符合条件的园区（${describeFilters(f)}），可放宽条件再试`
      : `共 ${body.total} 个园区/载体`;
    $('#park-list').replaceChildren(...body.items.map(parkCard));
  } catch (e) {
    count.textContent = `出错了：${e.message}`;
  }
}

// ---------- one park ----------
function rulesSection(rules) {
  const groups = [];
  for (const r of rules) {
    const g = groups.at(-1);
    if (g && g.label === r.effectLabel) g.rules.push(r);
    else groups.push({ label: r.effectLabel, rules: [r] });
  }
  return [
    el('h3', {}, `准入规则（${rules.length} 条，先列禁止，再列需审查和审批层级；本园区、本类园区的规则在前）`),
    ...groups.map((g, i) =>
      el(
        'details',
        { class: 'rule-group', open: i === 0 || g.rules.length <= 8 },
        el('summary', {}, `${g.label}（${g.rules.length}）`),
        el(
          'ul',
          { class: 'rules' },
          g.rules.map((r) =>
            el(
              'li',
              {},
              el('span', { class: 'tag' }, r.scopeLabel),
              ' ',
              el('strong', {}, r.name),
              // where the rule's figures come from: 示例规则/参照 only flag until the jurisdiction adopts them (docs/RULES.md)
              r.provenance && r.provenance !== '文件'
                ? el(
                    'b',
                    { class: 'provenance' },
                    ` 〔${r.provenance}${r.gates ? '' : '，仅提示'}${r.provenance === '参照' && r.origin ? `：${r.origin}` : ''}〕`,
                  )
                : null,
              el('br'),
              el('span', {}, r.reasonText),
              ' ',
              el('span', { class: 'source' }, `【${r.source}】`),
            ),
          ),
        ),
      ),
    ),
  ];
}

async function openPark(id) {
  let p;
  try {
    p = await api(`/api/parks/${encodeURIComponent(id)}`);
  } catch (e) {
    $('#park-count').textContent = `无法打开园区：${e.message}`;
    return;
  }
  setUrl(filtersFromForm(), id);
  $('#park-name').textContent = p.name;
  const facts = [
    ['所在', `${p.city} ${placeOf(p)}`],
    ['类型', p.program ? `${p.kind}（${p.program}）` : p.kind],
    ['批次', p.batch],
    ['工业用地', p.landAreaMu ? `${fmt(p.landAreaMu)} 亩` : null],
    ['土地性质', p.landUse],
    ['开工时间', p.startTime],
    ['主要产业定位', p.positioning],
    ['主导产业', p.leadingIndustries.join('、')],
    ['配套产业', p.supportingIndustries?.join('、')],
    ['开发主体', p.developer],
    ['空置空间', p.vacantSpaces ? `${p.vacantSpaces} 处，共 ${fmt(Math.round(p.vacantAreaM2))}㎡` : '暂无'],
  ].filter(([, v]) => v);
  const spaces = stackTable(
    ['楼栋', '楼层/地块', '面积(㎡)', '类型', '层高(m)', '荷载(kN/㎡)', '状态', '可用日期'],
    p.spaces.map((s) => [
      s.building,
      s.kind === 'land' ? `地块 ${fmt(s.landMu)}亩` : `${s.floor}层`,
      fmt(s.areaM2),
      KIND[s.kind] ?? '其他',
      s.clearHeightM === null ? '—' : fmt(s.clearHeightM),
      s.floorLoadKnM2 === null ? '—' : fmt(s.floorLoadKnM2),
      SPACE_STATUS[s.status] ?? '待核实',
      s.availableFrom ?? '—',
    ]),
    { class: 'spaces-table compact' },
  );
  $('#park-body').replaceChildren(
    el(
      'table',
      { class: 'facts' },
      el(
        'tbody',
        {},
        facts.map(([k, v]) => el('tr', {}, el('th', { scope: 'row' }, k), el('td', {}, v))),
      ),
    ),
    el('p', { class: 'source' }, `来源：${p.source}`),
    el('h3', {}, `空间（${p.spaces.length}）`),
    p.spaces.length ? spaces : el('p', { class: 'muted' }, '暂无空间数据'),
    el('p', { class: 'source' }, '空间数据为示例数据'),
    el('h3', {}, '产业链'),
    p.chains.length
      ? el(
          'ul',
          {},
          p.chains.map((c) =>
            el(
              'li',
              {},
              `${c.name}：已有 ${c.holds.map((n) => `${n.name}（${TIER[n.tier] ?? '环节'}）`).join('、') || '—'}；缺 ${c.missing.map((n) => n.name).join('、') || '—'}${c.leaders.length ? `；链主 ${c.leaders.map((l) => l.company).join('、')}` : ''}`,
            ),
          ),
        )
      : el('p', { class: 'muted' }, '暂无'),
    ...rulesSection(p.rules),
  );
  const dialog = $('#park-dialog');
  if (!dialog.open) dialog.showModal();
}

// ---------- wiring ----------
async function fillOptions() {
  const all = await api('/api/parks?limit=500');
  const districts = [...new Set(all.items.map((p) => p.district))];
  $('#park-filters select[name=district]').append(...districts.map((d) => el('option', { value: d }, d)));
  const industries = [...new Set(all.items.flatMap((p) => p.leadingIndustries))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  $('#industry-options').replaceChildren(...industries.map((i) => el('option', { value: i })));
}

form().addEventListener('submit', (e) => {
  e.preventDefault();
  loadParks();
});
$('#clear-filters').addEventListener('click', () => {
  form().reset();
  loadParks();
});
$('#park-dialog').addEventListener('close', () => setUrl(filtersFromForm(), null));

session().then(async () => {
  const params = new URLSearchParams(location.search);
  await fillOptions().catch(() => null);
  for (const k of FILTERS) if (params.get(k)) form().elements.namedItem(k).value = params.get(k);
  await loadParks();
  if (params.get('park')) openPark(params.get('park'));
});
