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
  ['preferredDistricts', '意向区域'],
  ['excludedDistricts', '不考虑'],
];
/** The verdict's minimum fit (VERDICT.minScore, docs/SCORING.md §8). */
const MIN_SCORE = 45;
const VERDICT_LABEL = { fit: '推荐', weak: '可考虑', noFit: '没有合适的园区', unknownIndustry: '需要补充' };
const BLOCKER_LABEL = { rule: '准入', space: '空间', industry: '产业', district: '区域', threshold: '门槛' };
let conversationId = sessionStorage.getItem('luodi.conversation') || null;
/** The lead the chips show (what is scored) and the user, for 报送到项目库. */
let current = { lead: null, me: null };

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

/** A chip edit, said in the conversation as staff would say it (the server records the same words). */
function editChip(field, value, label, shown) {
  addMessage('user', value === null ? `（去掉：${label}）` : `（修改：${label} ${shown}）`);
  send({ message: '', edit: { [field]: value } });
}

function numberChip(field, label, unit, value) {
  const name = label.replace('≥', '');
  const chip = el('span', { class: 'chip' });
  const show = () =>
    chip.replaceChildren(
      el('button', { type: 'button', title: '点击修改', onclick: edit }, `${label} ${fmt(value)}${unit}`),
      el('button', { type: 'button', title: '去掉这一项', 'aria-label': `去掉${name}`, onclick: () => editChip(field, null, name) }, '×'),
    );
  const edit = () => {
    const input = el('input', { type: 'number', min: 0, step: 'any', value: String(value), 'aria-label': `${name}（${unit}）` });
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && input.value !== '') editChip(field, Number(input.value), name, `${fmt(Number(input.value))}${unit}`);
      if (e.key === 'Escape') show();
    });
    chip.replaceChildren(el('span', {}, name), input, el('span', {}, unit));
    input.focus();
  };
  show();
  return chip;
}

/** An industry chip: click to correct it (type another industry), × to remove it for good. */
function industryChip(name, via, all) {
  const chip = el('span', { class: 'chip' });
  const rest = all.filter((x) => x !== name);
  const show = () =>
    chip.replaceChildren(
      el('button', { type: 'button', title: '点击更正产业', onclick: edit }, `产业：${name}${via ? `（${via}）` : ''}`),
      el(
        'button',
        {
          type: 'button',
          title: '去掉这个产业',
          'aria-label': `去掉产业${name}`,
          onclick: () => {
            addMessage('user', rest.length ? `（产业改为：${rest.join('、')}）` : '（去掉：产业）');
            send({ message: '', edit: { industries: rest.length ? rest : null } });
          },
        },
        '×',
      ),
    );
  const edit = () => {
    const input = el('input', { type: 'text', value: name, maxLength: 60, 'aria-label': '更正产业（如 新材料、医疗器械）' });
    input.addEventListener('keydown', (e) => {
      const v = input.value.trim();
      if (e.key === 'Enter' && v) {
        const next = [...new Set([...rest, v])];
        addMessage('user', `（产业改为：${next.join('、')}）`);
        send({ message: '', edit: { industries: next } });
      }
      if (e.key === 'Escape') show();
    });
    chip.replaceChildren(el('span', {}, '产业'), input);
    input.focus();
  };
  show();
  return chip;
}

function removableChip(text, field, label) {
  return el(
    'span',
    { class: 'chip' },
    text,
    el('button', { type: 'button', 'aria-label': `去掉${label}`, onclick: () => editChip(field, null, label) }, '×'),
  );
}

function renderChips(lead, understanding) {
  const chips = [];
  // named industries only: a text-search guess is shown as 推测 and cannot be edited into a fact
  const named = (understanding?.industries ?? []).filter((i, j, all) => all.findIndex((x) => x.name === i.name) === j);
  const industries = lead?.industries ?? named.filter((i) => !i.via.startsWith('文本检索')).map((i) => i.name);
  for (const name of industries)
    chips.push(industryChip(name, named.find((i) => i.name === name && i.via !== name)?.via ?? '', industries));
  for (const i of named.filter((x) => x.via.startsWith('文本检索') && !industries.includes(x.name)).slice(0, 1))
    chips.push(el('span', { class: 'chip muted' }, `产业：${i.name}（推测，不作为推荐依据）`));
  if (lead) {
    for (const [field, label, unit] of EDITABLE) if (lead[field] !== undefined) chips.push(numberChip(field, label, unit, lead[field]));
    if (lead.spaceType) chips.push(removableChip(`类型：${KIND_LABEL[lead.spaceType] ?? '其他'}`, 'spaceType', '空间类型'));
    if (lead.needs?.length > 1)
      chips.push(
        removableChip(
          `多项需求：${lead.needs.map((n) => `${KIND_LABEL[n.kind] ?? ''} ${fmt(n.areaM2)}㎡`).join(' + ')}`,
          'needs',
          '多项需求',
        ),
      );
    if (lead.groundFloorOnly) chips.push(removableChip('只要一楼', 'groundFloorOnly', '只要一楼'));
    for (const [field, label] of LISTS)
      if (lead[field]?.length) chips.push(removableChip(`${label}：${lead[field].join('、')}`, field, label));
  }
  for (const p of understanding?.processes ?? []) chips.push(el('span', { class: 'chip' }, `涉及：${p}`));
  for (const n of understanding?.negated ?? []) chips.push(el('span', { class: 'chip' }, `不涉及：${n}`));
  $('#chips').replaceChildren(...chips);
}

/** What the cards are, by the honest answer's kind (API.md v2 verdict). */
const CARDS_LABEL = {
  fit: '推荐园区（点击园区名查看详情）：',
  weak: '可考虑的园区（不够理想，原因见每张卡片）：',
  noFit: '最接近的园区（均未达到最低匹配度，仅供参考）：',
};

function renderVerdict(v) {
  const box = $('#verdict');
  box.hidden = !v;
  if (!v) return;
  box.className = `verdict ${v.kind}`;
  box.replaceChildren(el('span', { class: 'kind' }, VERDICT_LABEL[v.kind] ?? ''), v.text);
}

/** "Why nothing fits": the closest parks, what blocks each (with the figure) and what would have to change. */
function renderNearMisses(list, kind) {
  const box = $('#near-misses');
  box.hidden = !list?.length;
  if (!list?.length) return box.replaceChildren();
  box.replaceChildren(
    el('h3', {}, kind === 'weak' ? '为什么不够理想' : '为什么没有合适的园区'),
    el(
      'ul',
      {},
      list.map((m) =>
        el(
          'li',
          {},
          el('strong', {}, m.parkName),
          m.blockers.length
            ? el(
                'ul',
                {},
                m.blockers.map((b) =>
                  el('li', {}, `【${BLOCKER_LABEL[b.kind] ?? '其他'}】${b.text}`, el('span', { class: 'change' }, ` → 需要：${b.change}`)),
                ),
              )
            : el('span', { class: 'muted' }, '：匹配度偏低'),
        ),
      ),
    ),
  );
}

function renderPreferred(p, results) {
  const box = $('#preferred');
  const shown = p?.result && !results.slice(0, 5).some((r) => r.parkId === p.result.parkId);
  box.hidden = !p || (!shown && p.result !== null);
  if (box.hidden) return box.replaceChildren();
  box.replaceChildren(
    el(
      'h3',
      {},
      `意向区域（${p.districts.join('、')}）内的最佳选择`,
      p.result && p.result.score < MIN_SCORE
        ? el('span', { class: 'muted' }, `（${p.result.score}分，低于最低匹配度 ${MIN_SCORE} 分，仅供参考）`)
        : '',
    ),
    p.result
      ? el('ol', { class: 'cards' }, renderResult(p.result, '意向'))
      : el('p', { class: 'muted' }, `${p.districts.join('、')}内没有可承接该项目的园区。`),
  );
}

function renderLibrary(parks) {
  const box = $('#library');
  box.hidden = !parks?.length;
  box.replaceChildren(
    ...(parks ?? []).map((p) =>
      el(
        'li',
        {},
        el('a', { href: `/parks.html?park=${encodeURIComponent(p.parkId)}`, class: 'park-link' }, p.parkName),
        el('span', { class: 'muted' }, ` ${p.district}${p.town ? ` · ${p.town}` : ''}`),
        el('div', {}, p.note),
      ),
    ),
  );
}

function render(res) {
  const asked = res.intent === 'library' || res.intent === 'greeting' || res.intent === 'unclear';
  current.lead = res.understood;
  renderChips(res.understood, res.understanding);
  $('#submit-lead').hidden = !res.understood || !current.me || !['admin', 'town'].includes(current.me.role);
  $('#submit-lead-status').replaceChildren();
  renderLibrary(res.library);
  if (asked || (res.intent === 'parkQuestion' && !res.understood)) {
    // a question or a greeting is answered in the conversation: no verdict, no cards
    renderVerdict(null);
    renderNearMisses(null);
    renderPreferred(null, []);
    $('#results').replaceChildren();
    $('#result-summary').textContent =
      res.intent === 'library'
        ? res.library?.length
          ? '园区库中相关的园区（点击查看详情）：'
          : '园区库中没有符合的园区。'
        : '描述一个项目后，这里显示推荐园区。';
    return;
  }
  const v = res.understood ? res.verdict : null;
  renderVerdict(v);
  // an unknown industry recommends nothing: a guess is not a recommendation
  const shown = !v || v.kind === 'unknownIndustry' ? [] : res.results;
  renderNearMisses(v && v.kind !== 'fit' ? res.nearMisses : null, v?.kind);
  $('#results').replaceChildren(...shown.map((r, i) => renderResult(r, i + 1)));
  window.renderChatMap?.($('#answer'), { ...res, results: shown });
  renderPreferred(v && v.kind !== 'unknownIndustry' ? res.preferred : null, shown);
  $('#result-summary').textContent = !res.understood
    ? '描述一个项目后，这里显示推荐园区。'
    : shown.length
      ? (CARDS_LABEL[v.kind] ?? '')
      : v?.kind === 'unknownIndustry'
        ? '请补充主要产品或服务后再匹配。'
        : '没有可落地的园区，原因见上。';
}

const pct = (x) => `${Math.round(x * 100)}%`;

function spaceText(s, needKind) {
  const alt = needKind && s.kind !== needKind ? (s.kind === 'land' ? '可自建' : needKind === 'land' ? '可租赁' : '可改造') : '';
  const where =
    s.kind === 'land'
      ? `${s.building} ${s.landMu ? `${fmt(s.landMu)}亩` : `${fmt(Math.round(s.areaM2))}㎡`}`
      : `${s.building} ${s.floor}层 ${fmt(Math.round(s.areaM2))}㎡`;
  return [
    `${where} ${KIND_LABEL[s.kind] ?? ''}`,
    s.clearHeightM ? ` 层高${s.clearHeightM}m` : '',
    s.floorLoadKnM2 ? ` 荷载${s.floorLoadKnM2}kN/㎡` : '',
    alt ? `（${alt}，备选）` : '',
  ].join('');
}

function renderResult(r, rank) {
  const factors = r.factors.map((f) =>
    el(
      'div',
      { class: `factor${f.known ? '' : ' unknown'}` },
      el('span', { class: 'label' }, FACTOR_LABEL[f.key] ?? '其他'),
      el('meter', { min: 0, max: 1, value: f.score, title: `匹配度 ${pct(f.score)}，权重 ${pct(f.weight)}` }),
      el('span', { class: 'factor-why' }, f.reasons.join('；'), f.known ? ` （权重 ${pct(f.weight)}）` : ''),
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
  const needKind = current.lead?.spaceType ?? null;
  const good = r.spaces.filter((s) => s.fit >= 0.5);
  const spaces = r.spaces.length
    ? el(
        'p',
        { class: 'spaces' },
        good.length ? '合适空间：' : '可用空间（均不完全满足需求）：',
        r.spaces.map((s, i) => `${i ? '；' : ''}${spaceText(s, needKind)}`),
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
        typeof rank === 'number' ? `${rank}. ` : `${rank}：`,
        el('a', { href: `/parks.html?park=${encodeURIComponent(r.parkId)}`, class: 'park-link' }, r.parkName),
        el('span', { class: 'muted' }, ` ${r.district}${r.town ? ` · ${r.town}` : ''}`),
      ),
      el('span', { class: 'score' }, r.excluded ? '不予准入' : `${r.score} 分`),
    ),
    exclusions,
    ...foldOnPhone(r.excluded ? null : factors, spaces, flags, r.flags.length, rank),
  );
}

/**
 * On a phone the score details and notes of the cards after the first are folded (评分明细, one tap
 * opens them), so that five cards do not make a page several screens long; the first card and wide
 * screens show everything. Exclusions are never folded.
 */
function foldOnPhone(factors, spaces, flags, flagCount, rank) {
  if (rank === 1 || typeof rank !== 'number' || !factors || !window.matchMedia('(max-width: 600px)').matches)
    return [factors, spaces, flags];
  const label = `评分明细（${factors.length}项）${flagCount ? ` · 提示${flagCount}条` : ''}`;
  return [el('details', { class: 'factor-fold' }, el('summary', {}, label), factors, spaces, flags)];
}

/** 报送到项目库: the lead the chips show becomes a lead of the pipeline (town staff report it for their town). */
async function submitLead() {
  const status = $('#submit-lead-status');
  const lead = current.lead;
  if (!lead) return;
  const me = current.me;
  const body = { ...lead, ...(me?.role === 'town' && me.town ? { sourceTown: me.town } : {}) };
  if (!body.name) body.name = (lead.summary ?? '对话项目').slice(0, 30);
  $('#submit-lead-button').disabled = true;
  status.textContent = '正在报送……';
  try {
    const created = await api('/api/leads', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    status.replaceChildren(`已报送到项目库（编号 ${created.id}）。`, el('a', { href: '/pipeline.html' }, '去招商一盘棋查看'));
  } catch (e) {
    status.textContent = `报送失败：${e.message}`;
  } finally {
    $('#submit-lead-button').disabled = false;
  }
}

async function restore() {
  if (!conversationId) return;
  try {
    const conv = await api(`/api/chat/${encodeURIComponent(conversationId)}`);
    for (const m of conv.messages) addMessage(m.role, m.text);
    // the answer the server gives the lead as the chips hold it (never re-read from the conversation's text)
    if (conv.understood && conv.answer) render({ ...conv.answer, understood: conv.understood, intent: 'refine' });
  } catch {
    conversationId = null;
    sessionStorage.removeItem('luodi.conversation');
  }
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
$('#submit-lead-button').addEventListener('click', () => submitLead());
$('#new-chat').addEventListener('click', () => {
  conversationId = null;
  current.lead = null;
  sessionStorage.removeItem('luodi.conversation');
  $('#messages').replaceChildren();
  $('#chips').replaceChildren();
  $('#results').replaceChildren();
  for (const id of ['#verdict', '#near-misses', '#preferred', '#library', '#submit-lead']) $(id).hidden = true;
  $('#result-summary').textContent = '描述一个项目后，这里显示推荐园区、每一项得分的理由、被排除的原因和合适的空间。';
  $('#examples').hidden = false;
  $('#chat-input').focus();
});
session().then((me) => {
  current.me = me;
  restore();
});
