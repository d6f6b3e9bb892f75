// 规则管理: the rules of the user's jurisdiction and above with their provenance (文件 / 示例规则 / 参照 /
// 已采纳), filters, and for admins: create, change, retire and adopt a rule, change a park's
// positioning — each previewed (the impact on the open leads) before it is applied, with a reason.
import { $, el, api, post, session, fmt } from './dom.js';

const EFFECT = { exclude: '禁止', review: '联审/柔性审批', require: '门槛', reviewLevel: '审批层级' };
const SCOPE = {
  national: '全国/全省',
  city: '市',
  district: '区',
  envClass: '环境类别',
  parkKind: '园区类型',
  program: '计划',
  park: '园区',
};
const ENV = { clean: '环境友好型', light: '轻污染', general: '一般工业' };
const ACTION = { create: '新建', change: '修改', retire: '停用', adopt: '采纳' };
const SHOWN = 30; // impact entries shown per list before "还有 N 个"

let me = null;
let rules = [];
let parks = [];
/** Jurisdiction id → its name (辖区 are shown by name, never by id). */
let jurisdictionNames = new Map();
/** What the dialog is doing: { mode: 'edit'|'create'|'retire'|'adopt'|'positioning', rule?, park? }. */
let current = null;
/** Whether the change as it stands now was previewed (a change to it needs a new preview). */
let previewed = false;

const words = (s) =>
  String(s ?? '')
    .split(/[、，,;；\s]+/)
    .map((x) => x.trim())
    .filter(Boolean);
const numOrNull = (v) => (v === '' || v === null || v === undefined ? null : Number(v));

/** May the user change this rule: an admin of its jurisdiction (the system administrator: every rule). */
const canWrite = (r) => me?.role === 'admin' && (me.jurisdictionId === null || r.jurisdictionId === me.jurisdictionId);

function badge(p) {
  const cls = { 文件: 'doc', 示例规则: 'sample', 参照: 'ref', 已采纳: 'adopted' }[p] ?? 'doc';
  const title = {
    文件: '出自本辖区或上级文件：可排除园区',
    示例规则: '数值为示例数据编造：只提示，采纳后才起作用',
    参照: '借用其他地区文件：只提示，采纳后才起作用',
    已采纳: '经本辖区管理员采纳：可排除园区',
  }[p];
  return el('span', { class: `badge ${cls}`, title }, p);
}

function scopeText(r) {
  const v = r.scope.level === 'envClass' ? (ENV[r.scope.value] ?? r.scope.value) : r.scope.value;
  return `${SCOPE[r.scope.level] ?? r.scope.level}${v ? `：${v}` : ''}`;
}

function thresholdText(t) {
  if (!t) return null;
  const label = $(`#change-form [name=thresholdField] option[value="${t.field}"]`)?.textContent ?? t.field;
  return `${label}${t.min !== null ? ` ≥ ${fmt(t.min)}` : ''}${t.max !== null ? ` < ${fmt(t.max)}` : ''}`;
}

function ruleCard(r) {
  const what = [
    r.match.terms.length ? `词语：${r.match.terms.slice(0, 8).join('、')}${r.match.terms.length > 8 ? ' 等' : ''}` : null,
    r.match.industryCodes.length ? `行业代码：${r.match.industryCodes.join('、')}` : null,
    thresholdText(r.threshold),
    r.reviewLevel ? `审批层级：${r.reviewLevel}` : null,
  ].filter(Boolean);
  const actions = canWrite(r)
    ? el(
        'div',
        { class: 'actions' },
        r.status === 'active' ? el('button', { type: 'button', class: 'small', onclick: () => open('edit', { rule: r }) }, '修改') : null,
        r.status === 'active' && !r.gates
          ? el('button', { type: 'button', class: 'small', onclick: () => open('adopt', { rule: r }) }, '采纳')
          : null,
        r.status === 'active'
          ? el('button', { type: 'button', class: 'small danger', onclick: () => open('retire', { rule: r }) }, '停用')
          : null,
      )
    : null;
  return el(
    'li',
    { class: `rule${r.status === 'retired' ? ' retired' : ''}`, 'data-id': r.id },
    el(
      'div',
      { class: 'rule-head' },
      el('strong', {}, r.name),
      ' ',
      badge(r.provenance),
      el('span', { class: `badge effect ${r.gates ? 'gates' : 'flags'}` }, `${EFFECT[r.effect] ?? r.effect}${r.gates ? '' : '·仅提示'}`),
      r.status === 'retired' ? el('span', { class: 'badge retired' }, '已停用') : null,
    ),
    el(
      'p',
      { class: 'rule-meta' },
      `${scopeText(r)} · ${r.jurisdictionId ? (jurisdictionNames.get(r.jurisdictionId) ?? '本辖区') : '上级（全部辖区）'} · 第 ${r.version} 版`,
    ),
    what.length ? el('p', { class: 'rule-what' }, what.join('；')) : null,
    el('p', { class: 'rule-source' }, `依据：${r.source}`),
    r.reference && r.origin ? el('p', { class: 'rule-source' }, `参照出处：${r.origin}`) : null,
    r.adoption ? el('p', { class: 'rule-source' }, `采纳：${r.adoption.by}，${r.adoption.at.slice(0, 10)}，${r.adoption.reason}`) : null,
    actions,
  );
}

function render() {
  const f = new FormData($('#filters'));
  const q = String(f.get('q') ?? '').trim();
  const shown = rules.filter(
    (r) =>
      (!f.get('scope') || r.scope.level === f.get('scope')) &&
      (!f.get('effect') || r.effect === f.get('effect')) &&
      (!f.get('provenance') || r.provenance === f.get('provenance')) &&
      (f.get('retired') || r.status === 'active') &&
      (!q || [r.name, r.id, r.source, r.origin ?? '', ...r.match.terms].some((x) => x.includes(q))),
  );
  const count = (p) => rules.filter((r) => r.status === 'active' && r.provenance === p).length;
  $('#rules-status').textContent =
    `显示 ${shown.length} / ${rules.length} 条规则（在用：文件 ${count('文件')}、示例规则 ${count('示例规则')}、参照 ${count('参照')}、已采纳 ${count('已采纳')}）`;
  $('#rules').replaceChildren(...shown.map(ruleCard));
}

async function load() {
  try {
    rules = (await api('/api/rules')).items;
    render();
  } catch (e) {
    $('#rules-status').textContent = `规则读取失败：${e.message}`;
  }
}

// ——— the change dialog ———

function fillRule(r) {
  const form = $('#change-form');
  const set = (name, v) => (form.elements[name].value = v ?? '');
  set('id', r?.id);
  set('name', r?.name);
  set('scopeLevel', r?.scope.level ?? (me.jurisdictionId ? 'city' : 'national'));
  set('scopeValue', r?.scope.value);
  set('effect', r?.effect ?? 'exclude');
  set('reviewLevel', r?.reviewLevel);
  set('terms', r?.match.terms.join('、'));
  set('unlessTerms', r?.match.unlessTerms.join('、'));
  set('industryCodes', r?.match.industryCodes.join('、'));
  set('thresholdField', r?.threshold?.field);
  set('min', r?.threshold?.min);
  set('max', r?.threshold?.max);
  set('reason', r?.reason);
  set('source', r?.source);
  set('origin', r?.origin);
  form.elements.sample.checked = !!r?.sample;
  form.elements.reference.checked = !!r?.reference;
  form.elements.id.readOnly = !!r;
}

/** The rule as the API stores it, from the form (what the form does not show is kept from the rule being changed). */
function ruleFromForm() {
  const f = $('#change-form').elements;
  const base = current.rule;
  const field = f.thresholdField.value;
  return {
    id: f.id.value.trim(),
    name: f.name.value.trim(),
    scope: { level: f.scopeLevel.value, value: f.scopeLevel.value === 'national' ? null : f.scopeValue.value.trim() || null },
    effect: f.effect.value,
    match: {
      industryCodes: words(f.industryCodes.value),
      terms: words(f.terms.value),
      unlessTerms: words(f.unlessTerms.value),
      pollution: base?.match.pollution ?? null,
      ...(base?.match.eia ? { eia: base.match.eia } : {}),
    },
    threshold: field ? { field, min: numOrNull(f.min.value), max: numOrNull(f.max.value) } : null,
    reviewLevel: f.reviewLevel.value || null,
    envClasses: base?.envClasses ?? [],
    reason: f.reason.value.trim(),
    source: f.source.value.trim(),
    ...(base ? { jurisdictionId: base.jurisdictionId } : {}),
    reference: f.reference.checked,
    origin: f.origin.value.trim() || null,
    sample: f.sample.checked,
  };
}

const reasonOf = () => $('#change-form').elements.changeReason.value.trim();

function requests() {
  const { mode, rule, park } = current;
  const changeReason = reasonOf();
  if (mode === 'edit' || mode === 'create') {
    const body = ruleFromForm();
    return {
      preview: () => post('/api/rules/preview', body),
      apply: () => post(`/api/rules/${encodeURIComponent(body.id)}`, { ...body, changeReason }, 'PUT'),
    };
  }
  if (mode === 'retire' || mode === 'adopt')
    return {
      preview: () => post('/api/rules/preview', { id: rule.id, action: mode }),
      apply: () =>
        mode === 'retire'
          ? post(`/api/rules/${encodeURIComponent(rule.id)}`, { changeReason }, 'DELETE')
          : post(`/api/rules/${encodeURIComponent(rule.id)}/adopt`, { changeReason }),
    };
  const body = { leadingIndustries: park.leading, supportingIndustries: park.supporting };
  return {
    preview: () => post(`/api/parks/${encodeURIComponent(park.id)}/positioning/preview`, body),
    apply: () => post(`/api/parks/${encodeURIComponent(park.id)}/positioning`, { ...body, changeReason }, 'PUT'),
  };
}

function impactList(title, items, line, cls) {
  const more = items.length > SHOWN ? el('li', { class: 'muted' }, `还有 ${items.length - SHOWN} 个项目`) : null;
  return el(
    'details',
    { class: `impact-list ${cls}`, open: items.length > 0 && items.length <= 10 },
    el('summary', {}, `${title}：${items.length} 个项目`),
    items.length ? el('ul', {}, ...items.slice(0, SHOWN).map((x) => el('li', {}, ...line(x))), more) : el('p', { class: 'muted' }, '无'),
  );
}

const rulesText = (rs) =>
  rs.map((r) => `${r.rule}（${r.source}${r.provenance && r.provenance !== '文件' ? `，${r.provenance}` : ''}）`).join('；');
const leadName = (x) => el('b', {}, x.name ?? x.id);

function showImpact(res, applied) {
  const i = res.impact;
  $('#impact').replaceChildren(
    el(
      'p',
      {},
      `${applied ? '已应用' : '预览'}：评估在库项目 ${fmt(i.leads)} 个${applied ? `，记为第 ${res.version} 版` : '（未写入任何数据）'}。`,
    ),
    impactList(
      '新增不予准入',
      i.newlyExcluded,
      (x) => [leadName(x), ` — ${x.everywhere ? '辖区内已无可准入园区；' : ''}${x.parks} 个园区，依据 ${rulesText(x.rules)}`],
      'bad',
    ),
    impactList('不再排除', i.noLongerExcluded, (x) => [leadName(x), ` — ${x.parks} 个园区，原依据 ${rulesText(x.rules)}`], 'good'),
    impactList(
      '推荐园区变化',
      i.bestParkChanged,
      (x) => [
        leadName(x.lead),
        ` — ${x.from?.parkName ?? '无'}${x.from ? `（${x.from.score}）` : ''} → ${x.to?.parkName ?? '无'}${x.to ? `（${x.to.score}）` : ''}`,
      ],
      'moved',
    ),
    impactList(
      '已安排落位受影响',
      i.placementsAtRisk,
      (x) => [leadName(x), ` — ${x.parkName} 将不予准入，依据 ${rulesText(x.rules)}`],
      'bad',
    ),
  );
}

function summaryOf() {
  const { mode, rule, park } = current;
  if (mode === 'retire') return `停用规则「${rule.name}」（${rule.id}）：保留全部版本，不再参与评分。`;
  if (mode === 'adopt') {
    const then = {
      exclude: '按本规则排除园区',
      require: '未达门槛的项目按本规则排除园区',
      review: '作为本辖区联审依据',
      reviewLevel: '作为本辖区审批层级（镇审/区审）依据',
    }[rule.effect];
    return `采纳「${rule.name}」（${rule.provenance}${rule.origin ? `，出处 ${rule.origin}` : ''}）：采纳后${then}，并标注“已采纳”。`;
  }
  if (mode === 'positioning')
    return `园区「${park.name}」主导产业改为：${park.leading.join('、')}${park.supporting.length ? `；配套产业：${park.supporting.join('、')}` : ''}`;
  return '';
}

async function open(mode, what = {}) {
  current = { mode, ...what };
  $('#change-title').textContent = {
    edit: '修改规则',
    create: '新建规则',
    retire: '停用规则',
    adopt: '采纳规则',
    positioning: '修改园区定位',
  }[mode];
  const form = $('#change-form');
  form.reset();
  $('#rule-fields').hidden = !(mode === 'edit' || mode === 'create');
  if (mode === 'edit' || mode === 'create') fillRule(what.rule ?? null);
  $('#change-summary').textContent = summaryOf();
  $('#impact').replaceChildren();
  $('#change-status').textContent = '填写变更原因后，先预览影响，再确认应用。';
  $('#apply').disabled = true;
  previewed = false;
  $('#versions-box').hidden = true;
  if (!$('#change-dialog').open) $('#change-dialog').showModal();
  if (what.rule && mode !== 'create') {
    const { versions } = await api(`/api/rules/${encodeURIComponent(what.rule.id)}`).catch(() => ({ versions: [] }));
    if (versions.length) {
      $('#versions').replaceChildren(
        ...versions.map((v) =>
          el(
            'li',
            {},
            `第 ${v.version} 版 · ${ACTION[v.action] ?? v.action} · ${v.actor} · ${v.at.slice(0, 16).replace('T', ' ')} · ${v.reason}`,
            v.impact
              ? ` · 影响：新增排除 ${v.impact.newlyExcluded?.length ?? 0}，不再排除 ${v.impact.noLongerExcluded?.length ?? 0}，推荐变化 ${v.impact.bestParkChanged?.length ?? 0}，落位受影响 ${v.impact.placementsAtRisk?.length ?? 0}`
              : '',
          ),
        ),
      );
      $('#versions-box').hidden = false;
    }
  }
}

async function preview() {
  $('#apply').disabled = true;
  $('#change-status').textContent = '正在重新评估全部在库项目…';
  $('#preview').disabled = true;
  try {
    const res = await requests().preview();
    showImpact(res, false);
    previewed = true;
    $('#change-status').textContent = reasonOf().length >= 2 ? '请核对影响后确认应用。' : '请填写变更原因（至少 2 个字）后再确认应用。';
    $('#apply').disabled = reasonOf().length < 2;
  } catch (e) {
    $('#change-status').textContent = `预览失败：${e.message}`;
  } finally {
    $('#preview').disabled = false;
  }
}

async function apply(ev) {
  ev.preventDefault();
  if (reasonOf().length < 2) {
    $('#change-status').textContent = '请填写变更原因（至少 2 个字）。';
    return;
  }
  $('#apply').disabled = true;
  $('#change-status').textContent = '正在应用…';
  try {
    const res = await requests().apply();
    showImpact(res, true);
    previewed = false; // applied: another change needs its own preview
    $('#change-status').textContent = `已应用（第 ${res.version} 版），受影响项目的变更记录已写入。`;
    await load();
    if (current.mode === 'positioning') await loadParks();
  } catch (e) {
    $('#change-status').textContent = `应用失败：${e.message}`;
  }
}

async function loadParks() {
  parks = (await api('/api/parks?limit=500')).items;
  const sel = $('#pos-form').elements.park;
  const keep = sel.value;
  sel.replaceChildren(...parks.map((p) => el('option', { value: p.id }, `${p.name}（${p.district}）`)));
  if (keep) sel.value = keep;
  fillPositioning();
}

function fillPositioning() {
  const f = $('#pos-form').elements;
  const p = parks.find((x) => x.id === f.park.value);
  if (!p) return;
  f.leading.value = p.leadingIndustries.join('、');
  f.supporting.value = (p.supportingIndustries ?? []).join('、');
}

async function main() {
  me = await session();
  const js = await api('/api/jurisdictions').catch(() => []);
  jurisdictionNames = new Map((Array.isArray(js) ? js : (js.items ?? [])).map((j) => [j.id, j.name]));
  $('#filters').addEventListener('input', render);
  $('#filters').addEventListener('submit', (e) => e.preventDefault());
  $('#new-rule').addEventListener('click', () => open('create'));
  $('#preview').addEventListener('click', preview);
  $('#change-form').addEventListener('submit', apply);
  // a change to what is previewed needs a new preview before it can be applied
  $('#rule-fields').addEventListener('input', () => {
    previewed = false;
    $('#apply').disabled = true;
  });
  $('#change-form').elements.changeReason.addEventListener('input', () => {
    if (!previewed) return;
    const ready = reasonOf().length >= 2;
    $('#apply').disabled = !ready;
    $('#change-status').textContent = ready ? '请核对影响后确认应用。' : '请填写变更原因（至少 2 个字）后再确认应用。';
  });
  await load();
  if (me.role === 'admin') {
    await loadParks().catch(() => null);
    $('#pos-form').elements.park.addEventListener('change', fillPositioning);
    $('#pos-form').addEventListener('submit', (e) => {
      e.preventDefault();
      const f = $('#pos-form').elements;
      const p = parks.find((x) => x.id === f.park.value);
      if (!p) return;
      open('positioning', { park: { id: p.id, name: p.name, leading: words(f.leading.value), supporting: words(f.supporting.value) } });
    });
  }
}

main();
