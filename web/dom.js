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

export async function api(path, init) {
  const res = await fetch(path, init);
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new Error(problem(body, res.status));
  return body;
}

export const post = (path, body, method = 'POST') =>
  api(path, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

export const fmt = (n) => (typeof n === 'number' ? n.toLocaleString('zh-CN') : (n ?? '—'));
