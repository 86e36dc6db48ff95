/* 登录: POST api/login with JSON, then back to the page that sent us here (only a page of this site:
 * ?next= is never followed to another address). If the archive has no accounts, say so instead. */
'use strict';

(() => {
  const { el, clear } = RA;

  /** The page to return to: a page of this site by its file name, else the search page. */
  function nextPage() {
    const next = new URLSearchParams(location.search).get('next') || '';
    return /^[a-z]+\.html(?:[?#].*)?$/.test(next) ? next : 'index.html';
  }

  function say(kind, ...content) {
    const box = clear(document.getElementById('status'));
    box.appendChild(el('div', { class: kind }, ...content));
  }

  async function submit(e) {
    e.preventDefault();
    const button = document.getElementById('login');
    const username = document.getElementById('username').value.trim();
    const password = document.getElementById('password').value;
    if (!username || !password) {
      say('error', '请输入用户名和密码。');
      return;
    }
    button.disabled = true;
    try {
      const r = await fetch('api/login', {
        method: 'POST', credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ username, password })
      });
      let body = null;
      try { body = await r.json(); } catch (err) { body = null; }
      if (r.ok) {
        location.href = nextPage();
        return;
      }
      say('error', body && body.error ? body.error : '登录失败（HTTP ' + r.status + '）。');
      document.getElementById('password').select();
    } catch (err) {
      say('error', '无法连接服务器，请检查网络后重试。');
    } finally {
      button.disabled = false;
    }
  }

  document.addEventListener('DOMContentLoaded', async () => {
    document.getElementById('login-form').addEventListener('submit', submit);
    const s = await RA.session();
    if (s && s.open) {
      document.getElementById('login-form').hidden = true;
      say('notice', '档案库尚未设置任何账户：服务仅对本机开放，无需登录。', el('a', { href: 'index.html' }, '进入检索'));
    } else if (s && s.username) {
      say('notice', '您已以 ', el('b', null, s.username), ' 的身份登录。', el('a', { href: nextPage() }, '继续'),
        '；也可以在下面换一个账户登录。');
    }
  });
})();
