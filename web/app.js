import { $, el, api, fmt, session } from './dom.js';

// 落地 web UI: plain DOM, no framework, no external resources. User and imported text is only ever
// set through textContent (never parsed as HTML), so the page works under a strict CSP.

const FACTOR_LABEL = { industry: '产业', chain: '产业链', space: '空间', efficiency: '效益', policy: '政策', location: '区位' };
const KIND_LABEL = { factory: '厂房', rnd: '研发楼', office: '办公', land: '用地' };

// ---------- chat ----------
const EDITABLE = [
  ['floorAreaM2', '面积', '㎡'],
  ['landMu', '用地', '亩'],
  ['investmentWan', '投资', '万元'],
  ['annualOutputWan', '年产值', '万元'],
  ['annualTaxWan', '年税收', '万元'],
  ['minClearHeightM', '层高≥', 'm'],
  ['minFloorLoadKnM2', '荷载≥', 'kN/㎡'],
];
const LISTS = [
  ['districts', '只考虑'],
  ['preferredDistricts', '意向'],
  ['excludedDistricts', '不考虑'],
];
let conversationId = sessionStorage.getItem('luodi.conversation') || null;

function addMessage(role, text) {
  $('#messages').append(el('li', { class: `msg ${role}` }, text));
  $('#messages').lastElementChild?.scrollIntoView({ block: 'nearest' });
  $('#examples').hidden = true;
}

async function send(body) {
  const status = $('#chat-status');
  status.textContent = '正在分析……';
  $('#send').disabled = true;
  try {
    const res = await api('/api/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...body, ...(conversationId ? { conversationId } : {}) }),
    });
    conversationId = res.conversationId;
    sessionStorage.setItem('luodi.conversation', conversationId);
    addMessage('assistant', res.reply);
    render(res);
    status.textContent = '';
  } catch (e) {
    status.textContent = `出错了：${e.message}`;
  } finally {
    $('#send').disabled = false;
  }
}

function sendMessage(text) {
  const message = text.trim();
  if (!message) return;
  addMessage('user', message);
  $('#chat-input').value = '';
  send({ message });
}

function editChip(field, value) {
  addMessage('user', value === null ? `（去掉：${field}）` : `（修改：${field} = ${value}）`);
  send({ message: '', edit: { [field]: value } });
}

function numberChip(field, label, unit, value) {
  const chip = el('span', { class: 'chip' });
  const show = () =>
    chip.replaceChildren(
      el('button', { type: 'button', title: '点击修改', onclick: edit }, `${label} ${fmt(value)}${unit}`),
      el('button', { type: 'button', title: '去掉这一项', 'aria-label': `去掉${label}`, onclick: () => editChip(field, null) }, '×'),
    );
  const edit = () => {
    const input = el('input', { type: 'number', min: 0, step: 'any', value: String(value), 'aria-label': `${label}（${unit}）` });
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && input.value !== '') editChip(field, Number(input.value));
      if (e.key === 'Escape') show();
    });
    chip.replaceChildren(el('span', {}, label), input, el('span', {}, unit));
    input.focus();
  };
  show();
  return chip;
}

function renderChips(lead, understanding) {
  const chips = [];
  const industries = (understanding?.industries ?? []).filter((i, j, all) => all.findIndex((x) => x.via === i.via) === j);
  for (const i of industries) chips.push(el('span', { class: 'chip' }, `产业：${i.name}（${i.via}）`));
  if (lead) {
    for (const [field, label, unit] of EDITABLE) if (lead[field] !== undefined) chips.push(numberChip(field, label, unit, lead[field]));
    if (lead.groundFloorOnly)
      chips.push(
        el(
          'span',
          { class: 'chip' },
          '只要一楼',
          el('button', { type: 'button', 'aria-label': '去掉只要一楼', onclick: () => editChip('groundFloorOnly', null) }, '×'),
        ),
      );
    for (const [field, label] of LISTS)
      if (lead[field]?.length)
        chips.push(
          el(
            'span',
            { class: 'chip' },
            `${label}：${lead[field].join('、')}`,
            el('button', { type: 'button', 'aria-label': `去掉${label}`, onclick: () => editChip(field, null) }, '×'),
          ),
        );
  }
  for (const p of understanding?.processes ?? []) chips.push(el('span', { class: 'chip' }, `涉及：${p}`));
  for (const n of understanding?.negated ?? []) chips.push(el('span', { class: 'chip' }, `不涉及：${n}`));
  $('#chips').replaceChildren(...chips);
}

/** What the cards are, by the honest answer's kind (API.md v2 verdict). */
const CARDS_LABEL = {
  fit: '推荐园区（点击园区名查看详情）：',
  weak: '可考虑的园区（不够理想，原因见每张卡片的得分）：',
  noFit: '最接近的园区（均不理想）：',
};

function render(res) {
  renderChips(res.understood, res.understanding);
  if (res.intent === 'parkQuestion' && !res.understood) return;
  const v = res.verdict;
  // an unknown industry recommends nothing: a guess is not a recommendation
  const shown = v?.kind === 'unknownIndustry' ? [] : res.results;
  $('#results').replaceChildren(...shown.map((r, i) => renderResult(r, i + 1)));
  $('#result-summary').textContent = !res.understood
    ? '描述一个项目后，这里显示推荐园区。'
    : v
      ? `${v.text}${shown.length ? ` ${CARDS_LABEL[v.kind] ?? ''}` : ''}`
      : res.results.length
        ? '推荐园区（点击园区名查看详情）：'
        : '没有可落地的园区，原因见对话。';
}

function renderResult(r, rank) {
  const factors = r.factors.map((f) =>
    el(
      'div',
      { class: `factor${f.known ? '' : ' unknown'}` },
      el('span', {}, FACTOR_LABEL[f.key] ?? f.key),
      el('meter', { min: 0, max: 1, value: f.score, title: `得分 ${f.score}，权重 ${f.weight}` }),
      el('span', {}, f.reasons.join('；'), f.known ? ` （权重 ${Math.round(f.weight * 100)}%）` : ''),
    ),
  );
  const exclusions = r.exclusions.length
    ? el(
        'ul',
        { class: 'exclusions' },
        r.exclusions.map((x) => el('li', {}, x.reason, ' ', el('span', { class: 'source' }, `【${x.source}】`))),
      )
    : null;
  const flags = r.flags.length
    ? el(
        'ul',
        { class: 'flags' },
        r.flags.map((f) => el('li', {}, f.message, ' ', el('span', { class: 'source' }, `【${f.source}】`))),
      )
    : null;
  const spaces = r.spaces.length
    ? el(
        'p',
        { class: 'spaces' },
        '合适空间：',
        r.spaces.map(
          (s, i) =>
            `${i ? '；' : ''}${s.building} ${s.kind === 'land' ? '地块' : `${s.floor}层`} ${fmt(s.areaM2)}㎡ ${KIND_LABEL[s.kind] ?? ''}${s.clearHeightM ? ` 层高${s.clearHeightM}m` : ''}${s.floorLoadKnM2 ? ` 荷载${s.floorLoadKnM2}kN/㎡` : ''}`,
        ),
      )
    : null;
  return el(
    'li',
    { class: `card${r.excluded ? ' excluded' : ''}` },
    el(
      'h3',
      {},
      el(
        'span',
        {},
        `${rank}. `,
        el(
          'a',
          {
            href: `#park/${r.parkId}`,
            class: 'park-link',
            onclick: (e) => {
              e.preventDefault();
              openPark(r.parkId);
            },
          },
          r.parkName,
        ),
        el('span', { class: 'muted' }, ` ${r.district} · ${r.town}`),
      ),
      el('span', { class: 'score' }, r.excluded ? '不予准入' : `${r.score} 分`),
    ),
    exclusions,
    r.excluded ? null : factors,
    spaces,
    flags,
  );
}

async function restore() {
  if (!conversationId) return;
  try {
    const conv = await api(`/api/chat/${encodeURIComponent(conversationId)}`);
    for (const m of conv.messages) addMessage(m.role, m.text);
    if (conv.understood) {
      const res = await api('/api/match?limit=5', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(conv.understood),
      });
      render({ understood: res.lead, understanding: res.understanding, verdict: res.verdict, results: res.results, intent: 'refine' });
    }
  } catch {
    conversationId = null;
    sessionStorage.removeItem('luodi.conversation');
  }
}

// ---------- parks ----------
async function loadParks(q = '') {
  const body = await api(`/api/parks?limit=500${q ? `&q=${encodeURIComponent(q)}` : ''}`);
  $('#park-count').textContent = q ? `找到 ${body.total} 个园区（按相关度排序）` : `共 ${body.total} 个园区/载体`;
  $('#park-list').replaceChildren(
    ...body.items.map((p) =>
      el(
        'li',
        {},
        el('button', { type: 'button', onclick: () => openPark(p.id) }, p.name),
        el('span', { class: 'muted' }, ` ${p.district} · ${p.leadingIndustries.join('、') || '定位未定'} · 空置 ${p.vacantSpaces} 处`),
      ),
    ),
  );
  return body;
}

async function openPark(id) {
  const p = await api(`/api/parks/${encodeURIComponent(id)}`);
  $('#park-name').textContent = p.name;
  const facts = [
    ['所在', `${p.city} ${p.district} ${p.town}`],
    ['类型', `${p.kind}（${p.program}）`],
    ['批次', p.batch],
    ['工业用地', p.landAreaMu ? `${p.landAreaMu} 亩` : null],
    ['土地性质', p.landUse],
    ['开工时间', p.startTime],
    ['主要产业定位', p.positioning],
    ['主导产业', p.leadingIndustries.join('、')],
    ['配套产业', p.supportingIndustries.join('、')],
    ['开发主体', p.developer],
  ].filter(([, v]) => v);
  const body = $('#park-body');
  body.replaceChildren(
    el(
      'table',
      {},
      el(
        'tbody',
        {},
        facts.map(([k, v]) => el('tr', {}, el('th', {}, k), el('td', {}, v))),
      ),
    ),
    el('p', { class: 'source' }, `来源：${p.source}`),
    el('h3', {}, `可用空间（${p.spaces.length}）`),
    el(
      'table',
      {},
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          ['楼栋', '楼层', '面积㎡', '类型', '层高m', '荷载kN/㎡', '状态', '可用日期'].map((h) => el('th', {}, h)),
        ),
      ),
      el(
        'tbody',
        {},
        p.spaces.map((s) =>
          el(
            'tr',
            {},
            el('td', {}, s.building),
            el('td', {}, s.kind === 'land' ? `${s.landMu}亩` : s.floor),
            el('td', {}, fmt(s.areaM2)),
            el('td', {}, KIND_LABEL[s.kind] ?? s.kind),
            el('td', {}, s.clearHeightM ?? '—'),
            el('td', {}, s.floorLoadKnM2 ?? '—'),
            el('td', {}, s.status === 'vacant' ? '空置' : s.status),
            el('td', {}, s.availableFrom ?? '—'),
          ),
        ),
      ),
    ),
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
              `${c.name}：已有 ${c.holds.map((n) => n.name).join('、') || '—'}；缺 ${c.missing.map((n) => n.name).join('、') || '—'}${c.leaders.length ? `；链主 ${c.leaders.map((l) => l.company).join('、')}` : ''}`,
            ),
          ),
        )
      : el('p', { class: 'muted' }, '暂无'),
    el('h3', {}, `适用规则（${p.rules.length}）`),
    el(
      'ul',
      {},
      p.rules.map((r) =>
        el(
          'li',
          {},
          `${r.name}（${{ exclude: '禁止', review: '需审查', require: '门槛', reviewLevel: '审批层级' }[r.effect] ?? r.effect}）`,
          ' ',
          // where the rule's figures come from: 示例规则/参照 only flag until the jurisdiction adopts them (docs/RULES.md)
          r.provenance && r.provenance !== '文件'
            ? el('b', {}, `〔${r.provenance}${r.gates ? '' : '，仅提示'}${r.provenance === '参照' && r.origin ? `：${r.origin}` : ''}〕`)
            : null,
          el('span', { class: 'source' }, `【${r.source}】`),
        ),
      ),
    ),
  );
  $('#park-dialog').showModal();
}

// ---------- wiring ----------
$('#chat-form').addEventListener('submit', (e) => {
  e.preventDefault();
  sendMessage($('#chat-input').value);
});
$('#chat-input').addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
    e.preventDefault();
    sendMessage($('#chat-input').value);
  }
});
for (const b of document.querySelectorAll('.example')) b.addEventListener('click', () => sendMessage(b.textContent));
$('#new-chat').addEventListener('click', () => {
  conversationId = null;
  sessionStorage.removeItem('luodi.conversation');
  $('#messages').replaceChildren();
  $('#chips').replaceChildren();
  $('#results').replaceChildren();
  $('#examples').hidden = false;
  $('#chat-input').focus();
});
$('#park-search').addEventListener('submit', (e) => {
  e.preventDefault();
  loadParks(new FormData(e.currentTarget).get('q')?.toString().trim() ?? '').catch(
    (err) => ($('#park-count').textContent = `出错了：${err.message}`),
  );
});
session().then(() => {
  loadParks().catch((err) => ($('#park-count').textContent = `出错了：${err.message}`));
  restore();
});
