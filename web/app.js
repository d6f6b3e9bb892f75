// 落地 web UI: plain DOM, no framework, no external resources. User and imported text is only ever
// set through textContent (never parsed as HTML), so the page works under a strict CSP.

const $ = (sel) => document.querySelector(sel);
const FACTOR_LABEL = { industry: '产业', chain: '产业链', space: '空间', efficiency: '效益', policy: '政策', location: '区位' };
const KIND_LABEL = { factory: '厂房', rnd: '研发楼', office: '办公', land: '用地' };

/** Creates an element with text and children; attrs are set as properties or attributes. */
function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null) continue;
    if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (k in e) e[k] = v;
    else e.setAttribute(k, v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) e.append(c instanceof Node ? c : String(c));
  return e;
}

async function api(path, init) {
  const res = await fetch(path, init);
  const body = await res.json().catch(() => null);
  if (!res.ok) {
    const issues = body?.error?.issues?.map((i) => `${i.path}：${i.message}`).join('；');
    throw new Error(issues || body?.error?.message || `请求失败（${res.status}）`);
  }
  return body;
}

const fmt = (n) => (typeof n === 'number' ? n.toLocaleString('zh-CN') : n ?? '—');

// ---------- match ----------
function leadFromForm(form) {
  const fd = new FormData(form);
  const lead = { summary: String(fd.get('summary') ?? '').trim() };
  for (const k of ['floorAreaM2', 'landMu', 'investmentWan']) {
    const v = String(fd.get(k) ?? '').trim();
    if (v !== '') lead[k] = Number(v);
  }
  const d = String(fd.get('districts') ?? '');
  if (d) lead.districts = [d];
  return { lead, includeExcluded: fd.get('includeExcluded') === 'on' };
}

function renderUnderstood(body) {
  const u = body.understanding;
  const box = $('#understood');
  box.replaceChildren();
  const chips = [];
  for (const i of u.industries) chips.push(el('span', { class: 'chip' }, `产业：${i.name}（${i.via}）`));
  const l = body.lead;
  if (l.floorAreaM2) chips.push(el('span', { class: 'chip' }, `面积 ${fmt(l.floorAreaM2)}㎡`));
  if (l.landMu) chips.push(el('span', { class: 'chip' }, `用地 ${fmt(l.landMu)}亩`));
  if (l.investmentWan !== undefined) chips.push(el('span', { class: 'chip' }, `投资 ${fmt(l.investmentWan)}万元`));
  if (l.groundFloorOnly) chips.push(el('span', { class: 'chip' }, '只要一楼'));
  for (const p of u.processes) chips.push(el('span', { class: 'chip' }, `涉及：${p}`));
  for (const n of u.negated) chips.push(el('span', { class: 'chip' }, `不涉及：${n}`));
  box.append(el('span', {}, '识别结果：'), chips.length ? chips : el('span', {}, '未识别出产业，请补充主要产品或行业'));
}

function renderResult(r, rank) {
  const factors = r.factors.map((f) =>
    el('div', { class: `factor${f.known ? '' : ' unknown'}` },
      el('span', {}, FACTOR_LABEL[f.key] ?? f.key),
      el('meter', { min: 0, max: 1, value: f.score, title: `得分 ${f.score}，权重 ${f.weight}` }),
      el('span', {}, f.reasons.join('；'), f.known ? ` （权重 ${Math.round(f.weight * 100)}%）` : '')));
  const exclusions = r.exclusions.length
    ? el('ul', { class: 'exclusions' }, r.exclusions.map((x) => el('li', {}, x.reason, ' ', el('span', { class: 'source' }, `【${x.source}】`))))
    : null;
  const flags = r.flags.length ? el('ul', { class: 'flags' }, r.flags.map((f) => el('li', {}, f.message, ' ', el('span', { class: 'source' }, `【${f.source}】`)))) : null;
  const spaces = r.spaces.length
    ? el('p', { class: 'spaces' }, '合适空间：', r.spaces.map((s, i) => `${i ? '；' : ''}${s.building} ${s.kind === 'land' ? '地块' : `${s.floor}层`} ${fmt(s.areaM2)}㎡ ${KIND_LABEL[s.kind] ?? ''}${s.clearHeightM ? ` 层高${s.clearHeightM}m` : ''}${s.floorLoadKnM2 ? ` 荷载${s.floorLoadKnM2}kN/㎡` : ''}`))
    : null;
  return el('li', { class: `card${r.excluded ? ' excluded' : ''}` },
    el('h3', {}, el('span', {}, `${rank}. `, el('a', { href: `#park/${r.parkId}`, onclick: (e) => { e.preventDefault(); openPark(r.parkId); } }, r.parkName), el('span', { class: 'muted' }, ` ${r.district} · ${r.town}`)),
      el('span', { class: 'score' }, r.excluded ? '不予准入' : `${r.score} 分`)),
    exclusions, r.excluded ? null : factors, spaces, flags);
}

async function runMatch(form) {
  const { lead, includeExcluded } = leadFromForm(form);
  const status = $('#match-status');
  if (!lead.summary) {
    status.textContent = '请填写项目简介';
    return;
  }
  status.textContent = '正在匹配……';
  try {
    const body = await api(`/api/match?limit=10&includeExcluded=${includeExcluded}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(lead) });
    renderUnderstood(body);
    $('#results').replaceChildren(...body.results.map((r, i) => renderResult(r, i + 1)));
    status.textContent = body.results.length
      ? `可落地园区 ${body.eligible} 个，被排除 ${body.excluded} 个`
      : `没有可落地的园区（被排除 ${body.excluded} 个）${includeExcluded ? '' : '，勾选“显示被排除的园区”查看原因'}`;
  } catch (e) {
    status.textContent = `出错了：${e.message}`;
  }
}

// ---------- parks ----------
async function loadParks(q = '') {
  const body = await api(`/api/parks?limit=500${q ? `&q=${encodeURIComponent(q)}` : ''}`);
  $('#park-count').textContent = q ? `找到 ${body.total} 个园区（按相关度排序）` : `共 ${body.total} 个园区/载体`;
  $('#park-list').replaceChildren(...body.items.map((p) =>
    el('li', {}, el('button', { type: 'button', onclick: () => openPark(p.id) }, p.name),
      el('span', { class: 'muted' }, ` ${p.district} · ${p.leadingIndustries.join('、') || '定位未定'} · 空置 ${p.vacantSpaces} 处`))));
  return body;
}

async function openPark(id) {
  const p = await api(`/api/parks/${encodeURIComponent(id)}`);
  $('#park-name').textContent = p.name;
  const facts = [
    ['所在', `${p.city} ${p.district} ${p.town}`], ['类型', `${p.kind}（${p.program}）`], ['批次', p.batch], ['工业用地', p.landAreaMu ? `${p.landAreaMu} 亩` : null],
    ['土地性质', p.landUse], ['开工时间', p.startTime], ['主要产业定位', p.positioning], ['主导产业', p.leadingIndustries.join('、')], ['配套产业', p.supportingIndustries.join('、')], ['开发主体', p.developer],
  ].filter(([, v]) => v);
  const body = $('#park-body');
  body.replaceChildren(
    el('table', {}, el('tbody', {}, facts.map(([k, v]) => el('tr', {}, el('th', {}, k), el('td', {}, v))))),
    el('p', { class: 'source' }, `来源：${p.source}`),
    el('h3', {}, `可用空间（${p.spaces.length}）`),
    el('table', {}, el('thead', {}, el('tr', {}, ['楼栋', '楼层', '面积㎡', '类型', '层高m', '荷载kN/㎡', '状态', '可用日期'].map((h) => el('th', {}, h)))),
      el('tbody', {}, p.spaces.map((s) => el('tr', {}, el('td', {}, s.building), el('td', {}, s.kind === 'land' ? `${s.landMu}亩` : s.floor), el('td', {}, fmt(s.areaM2)), el('td', {}, KIND_LABEL[s.kind] ?? s.kind), el('td', {}, s.clearHeightM ?? '—'), el('td', {}, s.floorLoadKnM2 ?? '—'), el('td', {}, s.status === 'vacant' ? '空置' : s.status), el('td', {}, s.availableFrom ?? '—'))))),
    el('p', { class: 'source' }, '空间数据为示例数据'),
    el('h3', {}, '产业链'),
    p.chains.length ? el('ul', {}, p.chains.map((c) => el('li', {}, `${c.name}：已有 ${c.holds.map((n) => n.name).join('、') || '—'}；缺 ${c.missing.map((n) => n.name).join('、') || '—'}${c.leaders.length ? `；链主 ${c.leaders.map((l) => l.company).join('、')}` : ''}`))) : el('p', { class: 'muted' }, '暂无'),
    el('h3', {}, `适用规则（${p.rules.length}）`),
    el('ul', {}, p.rules.map((r) => el('li', {}, `${r.name}（${{ exclude: '禁止', review: '需审查', require: '门槛', reviewLevel: '审批层级' }[r.effect] ?? r.effect}）`, ' ', el('span', { class: 'source' }, `【${r.source}】`)))),
  );
  $('#park-dialog').showModal();
}

// ---------- wiring ----------
$('#match-form').addEventListener('submit', (e) => {
  e.preventDefault();
  runMatch(e.currentTarget);
});
for (const b of document.querySelectorAll('.example')) {
  b.addEventListener('click', () => {
    $('#summary').value = b.textContent;
    runMatch($('#match-form'));
  });
}
$('#park-search').addEventListener('submit', (e) => {
  e.preventDefault();
  loadParks(new FormData(e.currentTarget).get('q')?.toString().trim() ?? '').catch((err) => ($('#park-count').textContent = `出错了：${err.message}`));
});
$('#summary').addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) runMatch($('#match-form'));
});
loadParks()
  .then((body) => {
    const districts = [...new Set(body.items.map((p) => p.district))];
    $('select[name=districts]').append(...districts.map((d) => el('option', { value: d }, d)));
  })
  .catch((err) => ($('#park-count').textContent = `出错了：${err.message}`));
