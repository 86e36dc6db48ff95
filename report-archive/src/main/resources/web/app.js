/* 对照检查材料档案库: what every page shares. The nav bar (with who is signed in and 退出), calls to
 * the JSON API (with the session's CSRF token on every change; a 401 leads to the login page),
 * building DOM nodes with text (never HTML: report text may contain markup), labels for aspects
 * and sections, and the keyboard: "/" focuses the search box. No framework, no build step. */
'use strict';

const RA = (() => {
  const SECTION_FALLBACK = {
    rectification: '整改落实', problems: '问题', causes: '原因', measures: '措施', other: '其他',
    preface: '前言', closing: '结尾'
  };
  const KIND = { team: '班子材料', personal: '个人材料', unknown: '未注明' };
  /** Each warning code in words, short enough for a list; the warning's own message says the detail. */
  const WARNING = {
    'no-year': '未识别出年度', 'year-placeholder': '年度为占位符（如 202X）', 'no-unit': '未识别出单位',
    'no-sections': '未识别出“一、二、三、”等部分', 'no-items': '有部分未识别出条目', 'other-heading': '有标题未能归类',
    ocr: '识别自扫描件', 'header-guessed': '标题、单位或作者系推测', 'part-unreadable': '部分内容无法读取', other: '需人工核对'
  };
  const CN_NUM = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

  /** A DOM element. props: attributes (class, href, …) plus on* handlers; children: nodes or strings (as text). */
  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    if (props) {
      for (const [k, v] of Object.entries(props)) {
        if (v === null || v === undefined || v === false) continue;
        if (k.startsWith('on') && typeof v === 'function') node.addEventListener(k.slice(2), v);
        else if (k === 'text') node.textContent = String(v);
        else if (k === 'value') node.value = v;
        else node.setAttribute(k, v === true ? '' : String(v));
      }
    }
    append(node, children);
    return node;
  }

  function append(node, children) {
    for (const c of children) {
      if (c === null || c === undefined || c === false) continue;
      if (Array.isArray(c)) append(node, c);
      else node.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
    return node;
  }

  /** Only for the API's snippet, which the server has already escaped (only <mark> is markup). */
  function escapeHtml(s) {
    return String(s).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  }

  class ApiFailure extends Error {
    constructor(status, message) { super(message); this.status = status; }
  }

  const isLoginPage = () => document.body && document.body.dataset.page === 'login';

  /** To the login page, coming back here afterwards. */
  function toLogin() {
    if (isLoginPage()) return;
    const here = location.pathname.split('/').pop() + location.search + location.hash;
    location.href = 'login.html' + (here ? '?next=' + encodeURIComponent(here) : '');
  }

  let sessionPromise = null;
  /** Who this page talks for: {open, username, role, roleLabel, units, csrf, may}; a 401 goes to the login page. */
  function session() {
    if (!sessionPromise) {
      sessionPromise = fetch('api/session', { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
        .then(async r => {
          if (r.status === 401 && !isLoginPage()) toLogin();
          return r.ok ? r.json() : null;
        })
        .catch(() => null);
    }
    return sessionPromise;
  }

  /** The header that proves a change comes from this site's own pages (see AuthRoutes). */
  async function csrfHeaders() {
    const s = await session();
    return s && s.csrf ? { 'X-CSRF-Token': s.csrf } : {};
  }

  /** GET (or any method) on the API; resolves with the parsed JSON, rejects with an ApiFailure whose message is Chinese. */
  async function api(path, options) {
    let response;
    const opts = Object.assign({ credentials: 'same-origin' }, options || {});
    const method = (opts.method || 'GET').toUpperCase();
    opts.headers = Object.assign({ Accept: 'application/json' }, opts.headers || {},
      method === 'GET' || method === 'HEAD' ? {} : await csrfHeaders());
    try {
      response = await fetch(path, opts);
    } catch (e) {
      throw new ApiFailure(0, '无法连接服务器，请检查网络后重试。');
    }
    const type = response.headers.get('Content-Type') || '';
    let body = null;
    if (type.includes('json')) {
      try { body = await response.json(); } catch (e) { body = null; }
    }
    if (!response.ok) {
      const msg = body && body.error ? body.error : '请求失败（HTTP ' + response.status + '）。';
      if (response.status === 401) {
        toLogin();
        throw new ApiFailure(401, msg);
      }
      throw new ApiFailure(response.status, msg);
    }
    return body;
  }

  let metaPromise = null;
  /** /api/meta once per page: aspect and section labels, the upload limit. */
  function meta() {
    if (!metaPromise) {
      metaPromise = api('api/meta').catch(() => ({ aspects: [], sections: [], maxUploadBytes: 0 }));
    }
    return metaPromise;
  }

  const labels = { aspect: {}, section: Object.assign({}, SECTION_FALLBACK) };
  async function loadLabels() {
    const m = await meta();
    for (const a of m.aspects || []) labels.aspect[a.key] = a.label;
    for (const s of m.sections || []) labels.section[s.key] = s.label;
    return m;
  }
  function aspectLabel(key) { return key ? (labels.aspect[key] || key) : ''; }
  function sectionLabel(key) { return key ? (labels.section[key] || key) : ''; }
  function kindLabel(key) { return KIND[key] || ''; }
  function warningLabel(code) { return WARNING[code] || WARNING.other; }

  /** The warnings as a list under a 待核对 mark (null when there are none); each with its label and the sentence. */
  function warningList(warnings) {
    if (!warnings || !warnings.length) return null;
    return el('div', { class: 'warnings', role: 'note' },
      el('span', { class: 'review-mark' }, '待核对'),
      el('ul', null, warnings.map(w => el('li', { 'data-code': w.code || 'other' },
        el('b', null, warningLabel(w.code)), w.message ? '：' + w.message : ''))));
  }

  /**
   * The latest correction of a field (and, for an aspect, of one block ref), or null. The Report's
   * fields already hold the corrected values; this says what the file said.
   */
  function correctionOf(report, field, ref) {
    const list = (report && report.corrections) || [];
    for (let i = list.length - 1; i >= 0; i--) {
      const c = list[i];
      if (c.field === field && (ref === undefined || String(c.ref) === String(ref))) return c;
    }
    return null;
  }

  /** What a role may do beyond reading: correct, manage units, manage users (older servers lack the last keys). */
  function mayCorrect(s) { return !!s && (s.may.correct !== undefined ? s.may.correct : s.may.import); }
  function mayUnits(s) { return !!s && (s.may.units !== undefined ? s.may.units : s.may.import); }
  function mayUsers(s) { return !!s && (s.may.users !== undefined ? s.may.users : s.may.audit); }

  function cnNumber(n) {
    if (n <= 10) return CN_NUM[n];
    if (n < 20) return '十' + CN_NUM[n - 10];
    if (n < 100) return CN_NUM[Math.floor(n / 10)] + '十' + (n % 10 ? CN_NUM[n % 10] : '');
    return String(n);
  }

  /** A passage ref in words: problems/3/2 → 问题（三）第2条; preface/1 → 前言第1段. */
  function refLabel(ref) {
    if (!ref) return '';
    const [type, b, i] = ref.split('/');
    if (type === 'preface' || type === 'closing') return SECTION_FALLBACK[type] + '第' + b + '段';
    if (type === 'title') return '标题';
    let s = sectionLabel(type);
    if (b) s += '（' + cnNumber(Number(b)) + '）';
    if (i) s += '第' + i + '条';
    else if (!b) s += '·引言';
    return s;
  }

  /** The HTML id of a passage in the report page is its ref as it stands (report.html?id=X#problems/3/2). */
  function reportLink(id, ref) {
    return 'report.html?id=' + encodeURIComponent(id) + (ref ? '#' + ref : '');
  }

  function searchLink(params) {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== '') p.set(k, v);
    const qs = p.toString();
    return 'index.html' + (qs ? '?' + qs : '');
  }

  function formatBytes(n) {
    if (n == null) return '';
    if (n < 1024) return n + ' B';
    const trim = s => s.replace(/\.0$/, '');
    if (n < 1024 * 1024) return trim((n / 1024).toFixed(n < 10240 ? 1 : 0)) + ' KB';
    return trim((n / 1024 / 1024).toFixed(1)) + ' MB';
  }

  function yearText(y) { return y ? y + '年' : '年度不详'; }

  /** 0.813 → "81%". */
  function percent(x) { return x == null ? '' : Math.round(x * 100) + '%'; }

  /**
   * The text as nodes, with every occurrence of the given runs inside <mark>: overlapping runs
   * merged, touching ones kept apart (they may stand apart in the other text). Built from text
   * nodes only: the text may contain markup, which must stay text.
   */
  function markRuns(text, runs) {
    const s = String(text || '');
    const spans = [];
    for (const run of runs || []) {
      if (!run) continue;
      for (let i = s.indexOf(run); i >= 0; i = s.indexOf(run, i + 1)) spans.push([i, i + run.length]);
    }
    spans.sort((a, b) => a[0] - b[0]);
    const merged = [];
    for (const sp of spans) {
      const last = merged[merged.length - 1];
      if (last && sp[0] < last[1]) last[1] = Math.max(last[1], sp[1]);
      else merged.push(sp.slice());
    }
    const out = [];
    let at = 0;
    for (const [a, b] of merged) {
      if (a > at) out.push(document.createTextNode(s.slice(at, a)));
      out.push(el('mark', null, s.slice(a, b)));
      at = b;
    }
    if (at < s.length) out.push(document.createTextNode(s.slice(at)));
    return out;
  }

  /**
   * The top bar: site name, 检索 · 浏览 · 对比 · 重复问题 · 查重 · 导入 (· 待核对 · 单位 for those who may correct,
   * · 用户 · 审计日志 for admins), on pages other than 检索 a small
   * search box, and the signed-in user with 退出. The login page has the site name alone.
   */
  function renderNav() {
    const page = document.body.dataset.page || '';
    const bar = el('header', { class: 'topbar' }, el('a', { class: 'site', href: 'index.html' }, '对照检查材料档案库'));
    document.body.insertBefore(bar, document.body.firstChild);
    if (page === 'login') return;
    const items = [['search', 'index.html', '检索'], ['browse', 'browse.html', '浏览'], ['compare', 'compare.html', '对比'],
      ['repeats', 'repeats.html', '重复问题'], ['copies', 'copies.html', '查重'], ['upload', 'upload.html', '导入']];
    items.splice(3, 0, ['draft', 'draft.html', '核对草稿']); // issue 15: beside 对比, which it resembles
    const nav = el('nav', { 'aria-label': '主导航' },
      items.map(([key, href, label]) => el('a', { href, 'data-nav': key, 'aria-current': key === page ? 'page' : null }, label)));
    bar.appendChild(nav);
    if (page !== 'search') {
      bar.appendChild(el('form', { class: 'quick', action: 'index.html', method: 'get', role: 'search' },
        el('input', { type: 'search', name: 'q', placeholder: '检索全部材料（按 / 键）', 'aria-label': '检索词', 'data-search-box': true }),
        el('button', { type: 'submit' }, '检索')));
    }
    const who = el('div', { class: 'who', id: 'who' });
    bar.appendChild(who);
    session().then(s => {
      if (!s) return;
      if (!s.may.import) {
        const upload = nav.querySelector('[data-nav=upload]');
        if (upload) upload.remove();
      }
      if (!s.may.copies) {
        const copies = nav.querySelector('[data-nav=copies]');
        if (copies) copies.remove();
      }
      const extra = [[mayCorrect(s), 'review', 'review.html', '待核对'], [mayUnits(s), 'units', 'units.html', '单位'],
        [mayUsers(s), 'users', 'users.html', '用户'], [s.may.audit, 'audit', 'audit.html', '审计日志']];
      for (const [shown, key, href, label] of extra) {
        if (shown) nav.appendChild(el('a', { href, 'data-nav': key, 'aria-current': key === page ? 'page' : null }, label));
      }
      if (s.open) {
        who.appendChild(el('span', { class: 'muted small', title: '尚未设置账户：仅本机可访问，无需登录' }, '未设账户·仅本机'));
        return;
      }
      who.appendChild(el('span', { class: 'user', id: 'user-name', title: s.roleLabel }, s.username));
      who.appendChild(el('span', { class: 'muted small' }, s.roleLabel));
      who.appendChild(el('a', { href: 'login.html', id: 'logout', onclick: logout }, '退出'));
    });
  }

  async function logout(e) {
    e.preventDefault();
    try {
      await fetch('api/logout', { method: 'POST', credentials: 'same-origin', headers: await csrfHeaders() });
    } catch (err) { /* signed out on the server or not: the login page comes next either way */ }
    location.href = 'login.html';
  }

  /** "/" anywhere but in a text field focuses the page's search box. */
  function installKeys() {
    document.addEventListener('keydown', e => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
      const t = e.target;
      if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
      const box = document.querySelector('[data-search-box]');
      if (box) {
        e.preventDefault();
        box.focus();
        box.select();
      }
    });
  }

  function showError(container, message) {
    clear(container);
    container.appendChild(el('div', { class: 'error', role: 'alert' }, message));
  }

  /**
   * A list for one part of a page: says it is loading, then shows the error or the empty notice in
   * the box and resolves null, or empties the box and resolves the list (pick takes it from the answer).
   */
  async function loadList(box, path, pick, loading, empty) {
    clear(box).appendChild(el('p', { class: 'muted' }, loading));
    let list;
    try {
      list = pick(await api(path)) || [];
    } catch (e) {
      showError(box, e.message);
      return null;
    }
    clear(box);
    if (!list.length) {
      box.appendChild(el('p', { class: 'notice' }, empty));
      return null;
    }
    return list;
  }

  /** File pickers marked data-formats offer the formats the archive reads (from /api/meta: one list for all). */
  async function acceptFormats() {
    const pickers = document.querySelectorAll('input[type=file][data-formats]');
    if (!pickers.length) return;
    const m = await meta();
    if (m.accept) pickers.forEach(p => { p.accept = m.accept; });
  }

  document.addEventListener('DOMContentLoaded', () => {
    renderNav();
    installKeys();
    acceptFormats();
  });

  return {
    el, append, clear, escapeHtml, api, ApiFailure, session, csrfHeaders, toLogin, meta, loadLabels, aspectLabel, sectionLabel, kindLabel,
    warningLabel, warningList, correctionOf, mayCorrect, mayUnits, mayUsers, refLabel, reportLink, searchLink, formatBytes, yearText, cnNumber, showError, percent, markRuns, loadList
  };
})();
