// Shared by the pages: DOM building that never parses text as HTML (strict CSP), and the API client.

export const $ = (sel) => document.querySelector(sel);

/** Creates an element; attrs are set as properties or attributes, children appended as nodes or text. */
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (k in e) e[k] = v;
    else e.setAttribute(k, v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) e.append(c instanceof Node ? c : String(c));
  return e;
}

/** The API's error shape as one Chinese sentence: every bad field, or the message. */
export function problem(body, status) {
  if (body?.error?.code === 'conflict') return body.error.message;
  const issues = body?.error?.issues?.map((i) => (i.path && i.path !== 'file' ? `${i.path}：${i.message}` : i.message)).join('；');
  return issues || body?.error?.message || `请求失败（${status}）`;
}

/** Sends the visitor to the sign-in page, to come back here afterwards. */
export function toLogin() {
  location.assign(`/login.html?next=${encodeURIComponent(location.pathname + location.search + location.hash)}`);
}

export async function api(path, init) {
  const res = await fetch(path, init);
  if (res.status === 401 && path !== '/api/auth/login') {
    toLogin(); // the session ended
    throw new Error('登录已失效，请重新登录');
  }
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new Error(problem(body, res.status));
  return body;
}

export const post = (path, body, method = 'POST') =>
  api(path, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

export const fmt = (n) => (typeof n === 'number' ? n.toLocaleString('zh-CN') : (n ?? '—'));

export const ROLE_LABEL = { admin: '管理员', town: '镇街招商', viewer: '只读查看' };

/** Whether the signed-in user may act for `town` (admins for every town; town staff for their own). */
export const actsFor = (me, town) => me.role === 'admin' || (me.role === 'town' && !!town && me.town === town);

/**
 * The signed-in user (the page goes to the sign-in page without one): shown in the header with a
 * 退出 button; every element whose data-roles does not name the user's role is hidden.
 */
export async function session() {
  const me = await api('/api/auth/me');
  document.body.dataset.role = me.role;
  for (const e of document.querySelectorAll('[data-roles]')) if (!e.dataset.roles.split(' ').includes(me.role)) e.hidden = true;
  const out = el(
    'button',
    {
      type: 'button',
      class: 'small',
      id: 'logout',
      onclick: async () => {
        await fetch('/api/auth/logout', { method: 'POST' }).catch(() => null);
        sessionStorage.clear(); // the conversation shown was this user's
        location.assign('/login.html');
      },
    },
    '退出',
  );
  const where = me.jurisdictionId ? (await api('/api/jurisdictions').catch(() => []))[0]?.name : null;
  const who = `${me.displayName}（${ROLE_LABEL[me.role] ?? me.role}${where ? `·${where}` : ''}${me.town ? `·${me.town}` : ''}）`;
  document.querySelector('header')?.append(el('p', { class: 'user-bar', id: 'user-bar' }, el('span', { id: 'user-name' }, who), ' ', out));
  return me;
}

/**
 * A table that becomes one card per row on a phone (app.css `table.stack`): every cell carries its
 * column's name in data-label, shown beside the value when the header row is hidden.
 */
export function stackTable(headers, rows, attrs = {}) {
  return el(
    'table',
    { ...attrs, class: `stack${attrs.class ? ` ${attrs.class}` : ''}` },
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        headers.map((h) => el('th', { scope: 'col' }, h)),
      ),
    ),
    el(
      'tbody',
      {},
      rows.map((cells) =>
        el(
          'tr',
          {},
          cells.map((c, i) => el('td', { 'data-label': headers[i] }, c ?? '—')),
        ),
      ),
    ),
  );
}

/** A date-time as staff read it: 2026-12-04 23:37 (local), never the raw ISO text. */
export const when = (iso) => {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
};
