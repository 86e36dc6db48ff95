/* 查重: for one report (copies.html?id=…), the share of its text also found elsewhere, the reports and
 * templates it overlaps most, and the overlapping passages side by side with the shared runs in
 * <mark>; for the archive, the most-copied pairs; and the template library (upload, list, delete). */
'use strict';

(() => {
  const { el, clear } = RA;
  const OPEN_SOURCES = 3;   // passages shown open for the first few sources, folded for the rest

  const field = id => document.getElementById(id);
  let checked = null;   // the check on show; it names its report (unit, year, author), which is not opened to head the page

  /** The printed page's heading: the report checked (unit, year, who, title), or the archive's list. */
  function printHeading() {
    if (!window.PrintView) return;
    if (!checked) {
      PrintView.heading('查重　全库雷同最多的材料');
      return;
    }
    const c = checked;
    const who = [c.unit || '（未注明单位）', c.year ? c.year + '年' : '', c.author || '领导班子'].filter(Boolean).join(' ');
    PrintView.heading('查重　' + who + '　《' + (checked.title || checked.reportId) + '》');
  }

  function share(x) {
    const pct = Math.max(0, Math.min(100, Math.round((x || 0) * 100)));
    const text = pct === 0 && x > 0 ? '<1%' : pct + '%';
    return el('span', { class: 'share', title: '占本材料文字的 ' + text },
      el('span', { class: 'share-bar' }, el('span', { style: 'width:' + pct + '%' })), el('b', null, text));
  }

  /** "临江县审计局 2022年 班子" or "范文：name"; a link to the report (templates have no page). */
  function docName(d, template) {
    if (template) return el('span', { class: 'template-name' }, el('span', { class: 'tag template' }, '范文'), ' ', d.title || '（未命名范文）');
    const who = [d.unit || '（未注明单位）', d.year ? d.year + '年' : '', d.author || ''].filter(Boolean).join(' ');
    return el('a', { href: RA.reportLink(d.reportId), title: d.title || '' }, who);
  }

  // ---- one report ----

  function passageRow(p, source, template) {
    return el('tr', null,
      el('td', null,
        el('div', { class: 'point-head' }, el('a', { class: 'ref', href: RA.reportLink(source.checkedId, p.ref) }, RA.refLabel(p.ref))),
        el('p', { class: 'point-text' }, RA.markRuns(p.text, p.shared))),
      el('td', null,
        el('div', { class: 'point-head' }, template || !p.sourceRef
          ? el('span', { class: 'ref' }, p.sourceRef ? RA.refLabel(p.sourceRef) : '')
          : el('a', { class: 'ref', href: RA.reportLink(source.reportId, p.sourceRef) }, RA.refLabel(p.sourceRef))),
        el('p', { class: 'point-text' }, RA.markRuns(p.sourceText, p.shared))));
  }

  function sourceBlock(s, i, checkedId) {
    const passages = s.passages || [];
    const details = el('details', { class: 'source', id: 'source-' + (i + 1), open: i < OPEN_SOURCES },
      el('summary', null,
        el('span', { class: 'rank' }, String(i + 1)), docName(s, s.template), share(s.share),
        s.template ? el('span', { class: 'status recurred' }, '照抄范文') : null,
        el('span', { class: 'muted small' }, passages.length + ' 段雷同')),
      s.title && !s.template ? el('p', { class: 'muted small source-title' }, s.title) : null,
      passages.length ? el('table', { class: 'grid passages' },
        el('thead', null, el('tr', null, el('th', { scope: 'col' }, '本材料'), el('th', { scope: 'col' }, s.template ? '范文' : '雷同的材料'))),
        el('tbody', null, passages.map(p => passageRow(p, Object.assign({ checkedId }, s), s.template)))) : null);
    return details;
  }

  function renderCheck(c) {
    const box = clear(field('check'));
    document.title = '查重：' + (c.title || c.reportId) + ' — 对照检查材料档案库';
    checked = c;
    printHeading();
    const sources = c.sources || [];
    const exportBase = 'api/copies/' + encodeURIComponent(c.reportId) + '/export?';
    box.appendChild(el('h2', null, el('a', { href: RA.reportLink(c.reportId) }, c.title || '（无标题）')));
    box.appendChild(el('div', { class: 'compare-summary' },
      el('span', { class: 'big-share', id: 'share' }, share(c.share)),
      el('span', null, '本材料的文字有 ' + RA.percent(c.share) + ' 也出现在' + (sources.length ? ' ' + sources.length + ' 份其他材料或范文中' : '其他材料中')),
      el('span', { class: 'exports no-print' },
        el('a', { href: exportBase + 'format=xlsx', download: true }, '导出 Excel'),
        el('a', { href: exportBase + 'format=csv', download: true }, '导出 CSV'),
        el('a', { id: 'export-docx', href: exportBase + 'format=docx', download: true }, '下载 Word'),
        el('a', { href: '#', onclick: e => { e.preventDefault(); window.print(); } }, '打印'))));
    if (!sources.length) {
      box.appendChild(el('p', { class: 'notice' }, '没有发现与其他材料或范文明显雷同的文字。'));
      return;
    }
    box.appendChild(el('table', { class: 'grid sources', id: 'sources' },
      el('thead', null, el('tr', null, ['', '雷同的材料', '标题', '占本材料', ''].map(h => el('th', { scope: 'col' }, h)))),
      el('tbody', null, sources.map((s, i) => el('tr', { 'data-id': s.reportId },
        el('td', { class: 'num' }, String(i + 1)),
        el('td', { class: 'nowrap' }, docName(s, s.template)),
        el('td', { class: 'title' }, s.template ? '—' : s.title || ''),
        el('td', { class: 'nowrap' }, share(s.share)),
        el('td', { class: 'nowrap' }, el('a', { href: '#source-' + (i + 1), onclick: () => { field('source-' + (i + 1)).open = true; } }, '查看雷同段落')))))));
    box.appendChild(el('h3', null, '雷同段落对照'));
    sources.forEach((s, i) => box.appendChild(sourceBlock(s, i, c.reportId)));
  }

  async function loadCheck(id) {
    const box = clear(field('check'));
    checked = null;
    printHeading();
    if (!id) return;
    box.appendChild(el('p', { class: 'muted' }, '正在查重…'));
    try {
      renderCheck(await RA.api('api/copies/' + encodeURIComponent(id)));
    } catch (e) {
      RA.showError(box, e.message);
    }
  }

  // ---- the archive ----

  async function loadPairs() {
    const limit = field('pairs-limit').value;
    const box = field('pairs-body');
    const base = 'api/copies/export?limit=' + encodeURIComponent(limit);
    RA.append(clear(field('pairs-exports')),
      [el('a', { href: base + '&format=xlsx', download: true }, '导出 Excel'), el('a', { href: base + '&format=csv', download: true }, '导出 CSV')]);
    const pairs = await RA.loadList(box, 'api/copies?limit=' + encodeURIComponent(limit), a => a.pairs,
      '正在比对全库材料…', '全库没有明显雷同的材料。');
    if (!pairs) return;
    box.appendChild(el('table', { class: 'grid pairs', id: 'pairs' },
      el('thead', null, el('tr', null, ['', '材料', '雷同来源', '雷同文字占比', ''].map(h => el('th', { scope: 'col' }, h)))),
      el('tbody', null, pairs.map((p, i) => el('tr', null,
        el('td', { class: 'num' }, String(i + 1)),
        el('td', null, docName(p.copy, false)),
        el('td', null, docName(p.source, p.template)),
        el('td', { class: 'nowrap' }, share(p.share)),
        el('td', { class: 'nowrap' }, el('a', { href: 'copies.html?id=' + encodeURIComponent(p.copy.reportId) }, '查看雷同段落')))))));
  }

  // ---- template library ----

  async function loadTemplates() {
    const list = await RA.loadList(field('templates-body'), 'api/templates', a => a, '正在加载…', '范文库是空的。');
    if (!list) return;
    const box = field('templates-body');
    box.appendChild(el('table', { class: 'grid templates-list', id: 'templates' },
      el('thead', null, el('tr', null, ['名称', '字数', '加入时间', ''].map(h => el('th', { scope: 'col' }, h)))),
      el('tbody', null, list.map(t => el('tr', { 'data-id': t.id },
        el('td', null, t.name),
        el('td', { class: 'num' }, String(t.chars)),
        el('td', { class: 'nowrap' }, localTime(t.addedAt)),
        el('td', null, el('button', { type: 'button', class: 'link', onclick: () => removeTemplate(t) }, '删除')))))));
  }

  /** The server's UTC instant (2026-11-28T08:00:09.123Z) in the reader's own time. */
  function localTime(instant) {
    const d = new Date(instant);
    return isNaN(d) ? String(instant || '') : d.toLocaleString('zh-CN', { hour12: false });
  }

  function say(message, bad) {
    const box = clear(field('template-message'));
    box.appendChild(el('div', { class: bad ? 'error' : 'notice', role: bad ? 'alert' : 'status' }, message));
  }

  async function addTemplate(e) {
    e.preventDefault();
    const file = field('t-file').files[0];
    if (!file) return;
    const body = new FormData();
    body.append('file', file);
    if (field('t-name').value.trim()) body.append('name', field('t-name').value.trim());
    field('t-add').disabled = true;
    try {
      const t = await RA.api('api/templates', { method: 'POST', body });
      say('已把“' + t.name + '”加入范文库。今后查重会把照抄它的材料标为“照抄范文”。');
      field('template-form').reset();
      field('t-chosen').textContent = '未选择文件';
      await loadTemplates();
      loadPairs();
      loadCheck(new URLSearchParams(location.search).get('id'));
    } catch (err) {
      say(err.message, true);
      field('t-add').disabled = false;
    }
  }

  async function removeTemplate(t) {
    if (!window.confirm('从范文库删除“' + t.name + '”？')) return;
    try {
      await RA.api('api/templates/' + encodeURIComponent(t.id), { method: 'DELETE' });
      say('已删除“' + t.name + '”。');
      await loadTemplates();
      loadPairs();
    } catch (err) {
      say(err.message, true);
    }
  }

  document.addEventListener('DOMContentLoaded', async () => {
    const id = new URLSearchParams(location.search).get('id') || '';
    // the report to check is found on the server as one types (unit, year, author, title), not picked from every report
    const select = field('p-report');
    const choose = (value, text) => {
      if (value && !select.querySelector('option[value="' + CSS.escape(value) + '"]')) {
        select.appendChild(el('option', { value }, text));
      }
      select.value = value;
    };
    choose(id, '（链接所指的材料）');
    Pick.finder(field('p-find'), r => {
      choose(r.id, Pick.label(r));
      field('pick-form').requestSubmit();
    });
    field('pick-form').addEventListener('submit', e => {
      e.preventDefault();
      const chosen = field('p-report').value;
      if (!chosen) return;
      history.pushState(null, '', '?id=' + encodeURIComponent(chosen));
      loadCheck(chosen);
    });
    window.addEventListener('popstate', () => {
      const now = new URLSearchParams(location.search).get('id') || '';
      field('p-report').value = now;
      loadCheck(now);
    });
    field('pairs-limit').addEventListener('change', loadPairs);
    field('t-file').addEventListener('change', () => {
      const f = field('t-file').files[0];
      field('t-chosen').textContent = f ? f.name + '（' + RA.formatBytes(f.size) + '）' : '未选择文件';
      field('t-add').disabled = !f;
    });
    field('template-form').addEventListener('submit', addTemplate);
    loadCheck(id);
    loadPairs();
    loadTemplates();
  });
})();
