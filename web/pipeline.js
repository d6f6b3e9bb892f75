// 招商一盘棋 page: the pipeline, a routing plan beside the current placements, decisions and the ledger.
// Plain DOM built with createElement; user and imported text only ever goes through textContent (strict CSP).

import { $, el, api, post, fmt, session, actsFor, stackTable, when } from './dom.js';

const STAGES = ['线索', '在谈', '签约', '准入', '审批', '在建', '投产', '流失'];
const STATUS = { proposed: '待接收', accepted: '已接收', rejected: '已退回', withdrawn: '已撤回' };
const KIND = { factory: '厂房', rnd: '研发楼', office: '办公', land: '用地' };

const unitLabel = (s) =>
  s ? `${s.building} ${s.kind === 'land' ? `${fmt(s.landMu)}亩` : `${s.floor}层 ${fmt(s.areaM2)}㎡`} ${KIND[s.kind] ?? ''}` : '不占用空间';

// `me`: the signed-in user; what the page offers follows the role (the server decides again)
const state = { leads: [], plan: null, byLead: new Map(), me: null };

// ---------- the board ----------
async function loadLeads() {
  const fd = new FormData($('#filters'));
  const qs = new URLSearchParams({ limit: '500' });
  for (const k of ['stage', 'town', 'q']) {
    const v = String(fd.get(k) ?? '').trim();
    if (v) qs.set(k, v);
  }
  if (fd.get('open') === 'on') qs.set('open', 'true');
  const body = await api(`/api/leads?${qs}`);
  state.leads = body.items;
  $('#board-status').textContent = `共 ${body.total} 个项目${body.total > body.items.length ? `（显示前 ${body.items.length} 个）` : ''}`;
  renderBoard();
}

function placementCell(l) {
  const p = l.placement;
  if (!p) return el('td', { class: 'muted nowrap', 'data-label': '当前落位' }, '未落位');
  return el(
    'td',
    { class: 'placed', 'data-label': '当前落位' },
    p.parkName,
    el('br'),
    el('span', { class: 'muted' }, `${p.spaceLabel ?? '不占用空间'} · ${STATUS[p.status] ?? '状态待核实'}`),
  );
}

function planCell(l) {
  const a = state.byLead.get(l.id);
  const label = { 'data-label': '统筹方案' };
  if (!state.plan) return el('td', { class: 'muted', ...label }, '尚未生成');
  if (!a) return el('td', { class: 'muted', ...label }, '未纳入本次统筹');
  if (a.reason) {
    // the first clause names the rule or the cause; the whole reason (with sources) folds out
    const head = a.reason.split(/——|【/)[0];
    return el(
      'td',
      { class: 'plan-out', ...label },
      el('strong', {}, '未安排'),
      '：',
      head,
      head !== a.reason ? el('details', {}, el('summary', {}, '详细理由'), el('p', { class: 'muted' }, a.reason)) : null,
    );
  }
  const same = !a.changed;
  return el(
    'td',
    { class: same ? 'plan-same' : 'plan-new', ...label },
    el('span', { class: 'score' }, `${a.score} 分`),
    ' ',
    a.parkName,
    el('br'),
    el('span', { class: 'muted' }, `${a.spaceLabel ?? unitLabel(a.space)} · ${a.move ?? (same ? '维持现状' : '流转落位')}`),
    el(
      'details',
      {},
      el('summary', {}, '理由'),
      el(
        'ul',
        { class: 'reasons' },
        a.reasons.map((r) => el('li', {}, r)),
      ),
    ),
  );
}

function actions(l) {
  const status = l.placement?.status;
  const me = state.me;
  const btn = (label, d) => el('button', { type: 'button', class: 'small', onclick: () => decide(l, d) }, label);
  // accept / decline: the receiving town's staff and the admins; withdraw: the admins
  const receives = me && actsFor(me, l.placement?.town);
  return el(
    'td',
    { class: 'actions', 'data-label': '操作' },
    status === 'proposed' && receives ? [btn('接收', 'accept'), btn('退回', 'reject')] : null,
    (status === 'proposed' || status === 'accepted') && me?.role === 'admin' ? btn('撤回', 'withdraw') : null,
    el('button', { type: 'button', class: 'small', onclick: () => openLead(l.id) }, '台账'),
  );
}

function renderBoard() {
  $('#leads tbody').replaceChildren(
    ...state.leads.map((l) =>
      el(
        'tr',
        {},
        el(
          'td',
          { class: 'lead', 'data-label': '项目' },
          el(
            'label',
            { class: 'check' },
            el('input', { type: 'checkbox', class: 'pick', value: l.id, 'aria-label': `选择 ${l.name || l.company || '未命名项目'}` }),
            ' ',
            el('strong', {}, l.name || l.company || '未命名项目'),
          ),
          el('br'),
          el('span', { class: 'muted' }, (l.summary ?? '').slice(0, 60)),
        ),
        el('td', { class: 'nowrap', 'data-label': '阶段' }, l.stage),
        el('td', { class: 'nowrap', 'data-label': '报送镇街' }, l.sourceTown ?? '未填'),
        el('td', { class: 'nowrap', 'data-label': '审批层级' }, l.reviewLevel ?? '待定'),
        placementCell(l),
        planCell(l),
        actions(l),
      ),
    ),
  );
}

/**
 * Asks in a dialog (never window.prompt): a title, what will happen, and a reason when one is wanted.
 * Resolves to the reason ('' when none is asked), or null when cancelled.
 */
function ask({ title, text, ok, reason = 'none' }) {
  const dialog = $('#decide-dialog');
  $('#decide-title').textContent = title;
  $('#decide-text').textContent = text;
  $('#decide-ok').textContent = ok;
  $('#decide-error').textContent = '';
  $('#decide-reason-box').hidden = reason === 'none';
  $('#decide-reason-label').textContent = reason === 'required' ? '原因（必填）' : '原因（可不填）';
  const input = $('#decide-reason');
  input.value = '';
  input.required = reason === 'required';
  return new Promise((resolve) => {
    const done = (value) => {
      $('#decide-form').removeEventListener('submit', submit);
      $('#decide-cancel').removeEventListener('click', cancel);
      dialog.removeEventListener('cancel', cancel);
      if (dialog.open) dialog.close();
      resolve(value);
    };
    const submit = (e) => {
      e.preventDefault();
      const v = input.value.trim();
      if (reason === 'required' && !v) {
        $('#decide-error').textContent = '请填写原因';
        input.focus();
        return;
      }
      done(reason === 'none' ? '' : v);
    };
    const cancel = (e) => {
      e?.preventDefault();
      done(null);
    };
    $('#decide-form').addEventListener('submit', submit);
    $('#decide-cancel').addEventListener('click', cancel);
    dialog.addEventListener('cancel', cancel);
    dialog.showModal();
    (reason === 'none' ? $('#decide-ok') : input).focus();
  });
}

async function decide(l, d) {
  const label = { accept: '接收', reject: '退回', withdraw: '撤回' }[d];
  const name = l.name || l.company || '该项目';
  const where = l.placement ? `${l.placement.parkName}（${l.placement.spaceLabel ?? '不占用空间'}）` : '';
  const text = {
    accept: `确认接收「${name}」落位到 ${where}？接收后空间保持预留，记入流转台账。`,
    reject: `退回「${name}」落位到 ${where} 的安排？退回后空间释放，项目回到待统筹，原因记入流转台账。`,
    withdraw: `撤回「${name}」落位到 ${where} 的安排？撤回后空间释放，记入流转台账。`,
  }[d];
  const reason = await ask({
    title: `${label}流转`,
    text,
    ok: `确认${label}`,
    reason: { accept: 'none', reject: 'required', withdraw: 'optional' }[d],
  });
  if (reason === null) return; // cancelled: nothing changed
  try {
    const row = await post(`/api/routing/${encodeURIComponent(l.id)}/${d}`, reason ? { reason } : {});
    await loadLeads(); // the board first, then the confirmation (loadLeads writes the count there)
    $('#board-status').textContent =
      `已${label}：「${name}」${row.toLabel ? ` → ${row.toLabel}` : ''}${row.spaceLabel ? ` ${row.spaceLabel}` : ''}，已记入流转台账${reason ? `（原因：${reason}）` : ''}`;
  } catch (e) {
    $('#board-status').textContent = `未能${label}：${e.message}`;
  }
}

// ---------- the plan ----------
async function runPlan() {
  const status = $('#plan-status');
  const picked = [...document.querySelectorAll('.pick:checked')].map((c) => c.value);
  const onlyChecked = $('#only-checked').checked;
  if (onlyChecked && picked.length === 0) {
    status.textContent = '请先在项目库中勾选项目';
    return;
  }
  status.textContent = '正在统筹……';
  try {
    const plan = await post('/api/routing/plan', onlyChecked ? { leadIds: picked } : {});
    state.plan = plan;
    state.byLead = new Map([...plan.assignments.map((a) => [a.leadId, a]), ...plan.unassigned.map((u) => [u.leadId, u])]);
    renderPlan(plan);
    renderBoard();
    const changes = plan.assignments.filter((a) => a.changed).length;
    $('#commit-plan').disabled = changes === 0;
    status.textContent = changes ? `方案已生成：${changes} 个项目需要流转落位，确认后才预留空间` : '方案已生成：没有需要流转的项目';
  } catch (e) {
    status.textContent = `出错了：${e.message}`;
  }
}

function renderPlan(plan) {
  const gain = plan.greedyTotal ? (((plan.totalScore - plan.greedyTotal) / plan.greedyTotal) * 100).toFixed(1) : '0';
  $('#plan-summary').replaceChildren(
    el(
      'p',
      {},
      `总匹配分 `,
      el('strong', {}, fmt(plan.totalScore)),
      `（先到先得为 ${fmt(plan.greedyTotal)}，提升 ${gain}%）；安排 ${plan.assignments.length} 个，未安排 ${plan.unassigned.length} 个，跨镇流转 ${plan.stats.crossTown} 个。`,
    ),
  );
  const names = new Map([...plan.assignments, ...plan.unassigned].map((a) => [a.leadId, a.leadName]));
  for (const l of state.leads) if (l.name) names.set(l.id, l.name);
  const name = (id) => names.get(id) || '未命名项目';
  $('#plan-conflicts').replaceChildren(
    ...(plan.conflicts.length
      ? [
          el('h3', {}, `空间争用（${plan.conflicts.length}）`),
          el(
            'ul',
            {},
            plan.conflicts.map((c) =>
              el(
                'li',
                {},
                `${c.parkName} ${c.spaceLabel ?? ''}：${c.wantedBy.map(name).join('、')} 都首选这里 → 安排给 ${c.givenTo ? name(c.givenTo) : '无'}`,
              ),
            ),
          ),
        ]
      : []),
  );
  renderTargets(plan);
  $('#plan-unassigned').replaceChildren(
    ...(plan.unassigned.length
      ? [
          el('h3', {}, `未安排（${plan.unassigned.length}）`),
          el(
            'ul',
            { class: 'exclusions' },
            plan.unassigned.map((u) => el('li', {}, el('strong', {}, u.leadName), '：', u.reason)),
          ),
        ]
      : []),
  );
}

// ---------- how the plan moves the policy targets ----------
const TARGET_STATUS = { met: '已达标', atRisk: '有风险', missed: '未达标', noData: '无数据' };
const isShare = (t) => t.target.unit === '比例';
/** A target figure as officers read it: a share in per cent (one decimal), else the number with its unit. */
const figure = (t, v) =>
  v === null || v === undefined ? '无数据' : isShare(t) ? `${(v * 100).toFixed(1)}%` : `${fmt(Math.round(v * 10) / 10)}${t.target.unit}`;
const goal = (t) => (isShare(t) ? `≥ ${(t.target.value * 100).toFixed(0)}%` : `≥ ${fmt(t.target.value)} ${t.target.unit}`);
const badge = (s) => el('span', { class: `badge badge-${s}` }, TARGET_STATUS[s]);

function targetCard(t) {
  const delta = t.pipelineBefore !== null && t.withPlan !== null ? t.withPlan - t.pipelineBefore : null;
  const arrow = delta === null || Math.abs(delta) < 1e-9 ? '' : delta > 0 ? ' ↑' : ' ↓';
  const leads = t.planned.withPlan - t.planned.before;
  return el(
    'li',
    { class: `card target-card${t.moved ? '' : ' target-still'}` },
    el('h4', {}, el('span', {}, t.parkName), el('span', { class: 'target-goal' }, `${t.target.label} ${goal(t)}`)),
    el(
      'dl',
      { class: 'target-figures' },
      el('div', {}, el('dt', {}, '现状'), el('dd', {}, figure(t, t.pipelineBefore), el('small', {}, `已落地 ${figure(t, t.actual)}`))),
      el(
        'div',
        {},
        el('dt', {}, '按方案落地后'),
        el('dd', { class: delta && delta < 0 ? 'down' : delta && delta > 0 ? 'up' : '' }, `${figure(t, t.withPlan)}${arrow}`),
        leads ? el('small', {}, `${leads > 0 ? '新增' : '减少'} ${Math.abs(leads)} 个项目`) : null,
      ),
      el(
        'div',
        {},
        el('dt', {}, '状态变化'),
        el(
          'dd',
          { class: 'target-status' },
          t.statusBefore === t.statusWithPlan
            ? [badge(t.statusBefore), el('small', {}, '不变')]
            : [badge(t.statusBefore), '→', badge(t.statusWithPlan)],
        ),
      ),
    ),
    // 有风险 covers both directions (dashboard definition): say which one the plan leads to
    t.statusWithPlan === 'atRisk' && t.withPlan !== null && t.actual !== null
      ? el(
          'p',
          { class: 'muted target-note' },
          t.withPlan >= t.target.value ? '按方案落地后可达标（已落地部分尚未达标）' : '已落地部分达标，按方案落地后将低于目标',
        )
      : null,
    t.note ? el('p', { class: 'muted target-note' }, t.note) : null,
    el('p', { class: 'target-source' }, `依据：${t.target.source}`),
  );
}

function renderTargets(plan) {
  const rows = plan.targets ?? [];
  const moved = rows.filter((t) => t.moved);
  const still = rows.filter((t) => !t.moved);
  $('#plan-targets').replaceChildren(
    ...(rows.length
      ? [
          el('h3', {}, '方案对目标的影响'),
          el(
            'p',
            { class: 'muted' },
            moved.length
              ? `本方案影响 ${moved.length} 项政策目标。“现状”为已落地项目与在途项目按当前落位计算，“按方案落地后”为方案中的项目按安排落地后计算。`
              : '本方案不改变任何政策目标的数值或状态。',
          ),
          el('ul', { class: 'cards target-cards' }, moved.map(targetCard)),
          ...(still.length
            ? [
                el(
                  'details',
                  {},
                  el('summary', {}, `其余 ${still.length} 项目标不受本方案影响`),
                  el('ul', { class: 'cards target-cards' }, still.map(targetCard)),
                ),
              ]
            : []),
        ]
      : []),
  );
}

async function commitPlan() {
  const status = $('#plan-status');
  const plan = state.plan;
  if (!plan) return;
  try {
    const assignments = plan.assignments.filter((a) => a.changed).map((a) => ({ leadId: a.leadId, parkId: a.parkId, spaceId: a.spaceId }));
    const r = await post('/api/routing/commit', { planId: plan.planId, assignments });
    status.textContent = `已确认：${r.committed.length} 个项目流转并预留空间，记入流转台账`;
    state.plan = null;
    state.byLead = new Map();
    $('#commit-plan').disabled = true;
    for (const id of ['#plan-summary', '#plan-conflicts', '#plan-targets', '#plan-unassigned']) $(id).replaceChildren();
    await loadLeads();
  } catch (e) {
    status.textContent = `未能确认：${e.message}（请重新生成方案）`;
  }
}

// ---------- one lead: details, stage, ledger, history ----------
async function openLead(id) {
  const l = await api(`/api/leads/${encodeURIComponent(id)}`);
  $('#lead-title').textContent = l.name || l.company || '未命名项目';
  const stage = el(
    'select',
    { name: 'stage' },
    STAGES.map((s) => el('option', { value: s, selected: s === l.stage }, s)),
  );
  const save = el(
    'button',
    {
      type: 'button',
      onclick: async () => {
        try {
          // stages move forward one at a time; moving back is for admins, with a reason
          const back = STAGES.indexOf(stage.value) < STAGES.indexOf(l.stage) || (l.stage === '流失' && stage.value !== '流失');
          const reason = back
            ? await ask({ title: '阶段回退', text: `阶段从「${l.stage}」退回「${stage.value}」。`, ok: '确认回退', reason: 'required' })
            : '';
          if (reason === null) return; // cancelled
          await post(`/api/leads/${encodeURIComponent(id)}`, { stage: stage.value, ...(reason ? { reason } : {}) }, 'PATCH');
          await openLead(id);
          await loadLeads();
        } catch (e) {
          msg.textContent = `出错了：${e.message}`;
        }
      },
    },
    '保存阶段',
  );
  const msg = el('span', { class: 'muted', role: 'status' });
  const facts = [
    ['项目简介', l.summary],
    ['企业', l.company],
    ['报送镇街（首谈地）', l.sourceTown],
    ['负责人', l.owner],
    ['审批层级', l.reviewBasis ? `${l.reviewBasis.level}（${l.reviewBasis.rule}）` : '待定（租赁面积、投资额未知）'],
    [
      '当前落位',
      l.placement
        ? `${l.placement.parkName} ${l.placement.spaceLabel ?? '不占用空间'}（${STATUS[l.placement.status] ?? '状态待核实'}）`
        : '未落位',
    ],
  ].filter(([, v]) => v);
  $('#lead-body').replaceChildren(
    ...[
      el(
        'table',
        {},
        el(
          'tbody',
          {},
          facts.map(([k, v]) => el('tr', {}, el('th', {}, k), el('td', {}, v))),
        ),
      ),
      l.reviewBasis ? el('p', { class: 'source' }, `审批层级依据：${l.reviewBasis.source}`) : null,
      l.restricted ? el('p', { class: 'muted' }, '其他镇街报送的项目：只显示统筹所需的信息（不含企业、简介、联系人和变更记录）。') : null,
      actsFor(state.me, l.sourceTown)
        ? el('p', { class: 'row' }, el('label', {}, '阶段 ', stage), save, msg)
        : el('p', {}, `阶段：${l.stage}`),
      el('h3', {}, `流转台账（${l.ledger.length}）`),
      l.ledger.length
        ? stackTable(
            ['时间', '状态', '从', '到', '空间', '得分', '操作人', '首谈镇街', '审批', '理由'],
            l.ledger.map((r) => [
              when(r.at),
              r.statusLabel,
              r.fromLabel,
              r.toLabel,
              r.spaceLabel ?? '不占用空间',
              r.score === null ? '—' : `${r.score} 分`,
              r.actorName ?? '系统',
              r.creditTown ?? '未填',
              r.reviewLevel ?? '待定',
              r.reasons.length
                ? el(
                    'ul',
                    { class: 'reasons' },
                    r.reasons.map((x) => el('li', {}, x)),
                  )
                : '—',
            ]),
            { class: 'ledger' },
          )
        : el('p', { class: 'muted' }, '尚未流转'),
      el('h3', {}, `变更记录（${l.history.length}）`),
      el(
        'ul',
        { class: 'history' },
        l.history.map((h) =>
          el(
            'li',
            {},
            el('span', { class: 'muted' }, `${when(h.at)} ${h.actorName ?? '系统'}：`),
            (h.changes ?? []).map((c) => (c.from === '（空）' ? `${c.label} ${c.to}` : `${c.label} ${c.from} → ${c.to}`)).join('；'),
          ),
        ),
      ),
    ].filter(Boolean), // replaceChildren would write a null as the text "null"
  );

  if (!$('#lead-dialog').open) $('#lead-dialog').showModal();
}

// ---------- new lead ----------
async function submitLead(form) {
  const fd = new FormData(form);
  const lead = {};
  for (const k of ['name', 'company', 'summary', 'sourceTown', 'owner', 'stage']) {
    const v = String(fd.get(k) ?? '').trim();
    if (v) lead[k] = v;
  }
  for (const k of ['floorAreaM2', 'landMu', 'investmentWan']) {
    const v = String(fd.get(k) ?? '').trim();
    if (v !== '') lead[k] = Number(v);
  }
  try {
    const body = await post('/api/leads', lead);
    $('#lead-status').textContent = `已报送：${body.name || '未命名项目'}（审批层级：${body.reviewLevel ?? '待定'}）`;
    form.reset();
    await loadLeads();
  } catch (e) {
    $('#lead-status').textContent = `出错了：${e.message}`;
  }
}

// ---------- wiring ----------
$('#filters select[name=stage]').append(...STAGES.map((s) => el('option', { value: s }, s)));
$('#lead-form select[name=stage]').append(...STAGES.slice(0, 5).map((s) => el('option', { value: s }, s)));
$('#filters').addEventListener('submit', (e) => {
  e.preventDefault();
  loadLeads().catch((err) => ($('#board-status').textContent = `出错了：${err.message}`));
});
$('#run-plan').addEventListener('click', runPlan);
$('#commit-plan').addEventListener('click', commitPlan);
$('#lead-form').addEventListener('submit', (e) => {
  e.preventDefault();
  submitLead(e.currentTarget);
});
session().then((me) => {
  state.me = me;
  if (me.role === 'town') {
    // town staff report for their own town
    const town = $('#lead-form input[name=sourceTown]');
    town.defaultValue = me.town;
    town.value = me.town;
    town.readOnly = true;
  }
  loadLeads().catch((err) => ($('#board-status').textContent = `出错了：${err.message}`));
});
