/* 审计日志: GET api/audit with the filters of the form (kept in the address, so a filtered view can
 * be bookmarked), one page at a time, newest first; the same filters export as CSV. */
'use strict';

(() => {
  const { el, clear } = RA;
  const FIELDS = ['user', 'action', 'from', 'to'];
  const SIZE = 100;
  const DETAIL_LABELS = {
    q: '检索式', year: '年度', unit: '单位', aspect: '方面', section: '部分', sort: '排序', page: '页',
    total: '命中', title: '标题', author: '作者', filename: '文件名', file: '文件', status: '结果', error: '原因',
    reason: '原因', result: '结果', what: '内容', role: '角色', units: '单位', action: '操作', from: '从', to: '到',
    target: '对象'
  };
  const VALUE_LABELS = {
    'wrong-password': '用户名或密码错误', 'rate-limited': '失败次数过多被暂停', missing: '不存在', hidden: '无权查看（按不存在答复）',
    imported: '已导入', duplicate: '重复', failed: '失败', audit: '审计日志', relevance: '相关度'
  };

  function state() {
    const p = new URLSearchParams(location.search);
    const s = { page: Math.max(1, parseInt(p.get('page') || '1', 10) || 1) };
    for (const f of FIELDS) s[f] = p.get(f) || '';
    return s;
  }

  function query(s, extra) {
    const p = new URLSearchParams();
    for (const f of FIELDS) if (s[f]) p.set(f, s[f]);
    for (const [k, v] of Object.entries(extra || {})) p.set(k, v);
    return p.toString();
  }

  function time(iso) {
    // 2024-12-10T09:00:05.123+08:00 → 2024-12-10 09:00:05 (the server's zone, as stored)
    const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?/.exec(iso || '');
    return m ? m[1] + ' ' + m[2] + (m[3] || ':00') : iso;
  }

  function detail(d) {
    return Object.entries(d || {}).map(([k, v]) => {
      const value = Array.isArray(v) ? v.join('、') : (VALUE_LABELS[v] || String(v));
      return (DETAIL_LABELS[k] || k) + '：' + value;
    }).join('；');
  }

  function target(e) {
    if (!e.target) return '';
    if (['view', 'download', 'import', 'compare'].includes(e.action)) {
      return el('a', { href: RA.reportLink(e.target), title: '打开这份材料' }, e.target);
    }
    return e.target;
  }

  function render(result, s) {
    const body = clear(document.getElementById('audit-body'));
    const select = document.getElementById('f-action');
    if (select.options.length === 1) {
      for (const a of result.actions) select.appendChild(el('option', { value: a.key }, a.label));
      select.value = s.action;
    }
    const pages = Math.max(1, Math.ceil(result.total / SIZE));
    body.appendChild(el('p', { id: 'audit-count' }, '共 ' + result.total + ' 条记录',
      result.total > SIZE ? '，第 ' + s.page + ' / ' + pages + ' 页' : ''));
    if (!result.entries.length) {
      body.appendChild(el('p', { class: 'notice' }, '没有符合条件的记录。'));
      return;
    }
    body.appendChild(el('table', { class: 'grid audit', id: 'audit-table' },
      el('thead', null, el('tr', null, ['时间', '账户', '地址', '操作', '对象', '详情'].map(h => el('th', { scope: 'col' }, h)))),
      el('tbody', null, result.entries.map(e => el('tr', { 'data-action': e.action },
        el('td', { class: 'time' }, time(e.at)),
        el('td', null, e.user === null ? el('span', { class: 'muted' }, '（未设账户）') : e.user),
        el('td', { class: 'small' }, e.address || ''),
        el('td', null, e.actionLabel),
        el('td', { class: 'small' }, target(e)),
        el('td', { class: 'detail' }, e.detailText !== undefined ? e.detailText : detail(e.detail)))))));
    if (pages > 1) {
      body.appendChild(el('div', { class: 'pager' },
        s.page > 1 ? el('a', { href: 'audit.html?' + query(s, { page: s.page - 1 }) }, '上一页') : null,
        s.page < pages ? el('a', { href: 'audit.html?' + query(s, { page: s.page + 1 }) }, '下一页') : null));
    }
  }

  document.addEventListener('DOMContentLoaded', async () => {
    const s = state();
    document.getElementById('f-user').value = s.user;
    document.getElementById('f-from').value = s.from;
    document.getElementById('f-to').value = s.to;
    document.getElementById('export').href = 'api/audit/export?' + query(s);
    let result;
    try {
      result = await RA.api('api/audit?' + query(s, { page: s.page, size: SIZE }));
    } catch (e) {
      RA.showError(document.getElementById('audit-body'), e.message);
      return;
    }
    render(result, s);
  });
})();
