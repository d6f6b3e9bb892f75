// Sign-in page: POST /api/auth/login, then back to the page that sent the visitor here (same site only).

import { $, problem } from './dom.js';

/** Where to go after signing in: a path of this site, never another origin. */
function nextPath() {
  const next = new URLSearchParams(location.search).get('next') ?? '/';
  return next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login.html') ? next : '/';
}

$('#login-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const status = $('#login-status');
  const username = $('#username').value.trim();
  const password = $('#password').value;
  if (!username || !password) {
    status.textContent = !username ? '请填写用户名' : '请填写密码';
    (!username ? $('#username') : $('#password')).focus();
    return;
  }
  $('#login-submit').disabled = true;
  status.textContent = '正在登录……';
  try {
    const res = await fetch('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    if (res.ok) {
      location.assign(nextPath());
      return;
    }
    const body = await res.json().catch(() => null);
    status.textContent =
      res.status === 401
        ? '用户名或密码不正确'
        : res.status === 429
          ? (body?.error?.message ?? '尝试次数过多，请稍后再试')
          : problem(body, res.status);
    $('#password').select();
  } catch {
    status.textContent = '无法连接服务器，请稍后重试';
  } finally {
    $('#login-submit').disabled = false;
  }
});
