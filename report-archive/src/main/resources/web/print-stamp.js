/* What every printed page of 材料, 对比, 查重, 重复问题 and 检索 carries, in one place:
 * - at the foot of each sheet, 内部资料·注意保存 with who prints and when (a line the print style fixes
 *   to the foot; a fixed element repeats on every printed page), filled in again just before printing;
 * - at the head, the page's heading (unit, years, query: PrintView.heading(...) from the page, else
 *   the document's title) and a legend of the badges the page shows (statuses, repeat numbers,
 *   marked text), kept in step with the page as it re-renders;
 * - folded parts (<details>) opened for the print and folded back after it. */
'use strict';

(() => {
  const pad = n => String(n).padStart(2, '0');
  const stamp = document.createElement('div');
  stamp.id = 'print-stamp';
  stamp.className = 'print-stamp';
  stamp.setAttribute('aria-hidden', 'true');
  const head = document.createElement('div');
  head.id = 'print-heading';
  head.className = 'print-only print-heading';
  let who = '';
  let heading = null;

  /** What each badge says, by its words: the legend explains those the page shows. */
  const MEANINGS = {
    '已报告落实': '后一年材料的整改落实情况写到了这条措施',
    '问题再次出现': '这条措施针对的问题，后一年又被查摆',
    '未见下文': '后一年材料既没有报告它的落实，它针对的问题也没有再出现',
    '曾报告措施落实': '至少有一年的整改落实情况写到了针对它的措施',
    '从未报告措施落实': '没有一年的整改落实情况写到针对它的措施',
    '照抄范文': '与范文库中的公开范文雷同',
    '待下年材料': '下一年的材料尚未归档'
  };
  const MARKS = {
    search: '与检索词相符的文字',
    compare: '两年材料相同的文字',
    copies: '与雷同材料或范文相同的文字'
  };

  function now() {
    const d = new Date();
    return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + ' ' + pad(d.getHours()) + ':' + pad(d.getMinutes());
  }

  function fill() {
    stamp.textContent = '内部资料·注意保存　打印人：' + (who || '（未登录）') + '　打印时间：' + now();
  }

  function badge(cls, text) {
    const b = document.createElement('span');
    b.className = cls;
    b.textContent = text;
    return b;
  }

  /** A page about one report (材料) heads its print with the report's 单位, 年度 and 作者 from its facts table. */
  function factsHeading(main) {
    const facts = {};
    for (const row of main.querySelectorAll('table.facts tr')) {
      const th = row.querySelector('th');
      const td = row.querySelector('td');
      if (th && td) facts[th.textContent.trim()] = td.firstChild ? td.firstChild.textContent.trim() : '';
    }
    if (!facts['单位'] && !facts['年度']) return '';
    const title = document.title.replace(/\s*—\s*对照检查材料档案库\s*$/, '');
    return [facts['单位'], facts['年度'] ? facts['年度'] + '年' : '', facts['作者'] || ''].filter(Boolean).join(' ') + '　《' + title + '》';
  }

  /** The heading line and the legend of what the page shows now. */
  function render() {
    const main = document.querySelector('main');
    if (!main) return;
    if (head.parentNode !== main) main.insertBefore(head, main.firstChild);
    while (head.firstChild) head.removeChild(head.firstChild);
    const title = document.createElement('div');
    title.className = 'print-heading-title';
    title.textContent = heading || factsHeading(main) || document.title.replace(/\s*—\s*对照检查材料档案库\s*$/, '');
    head.appendChild(title);

    const items = [];
    const seen = new Set();
    for (const s of main.querySelectorAll('.status')) {
      if (head.contains(s)) continue;
      const text = s.textContent.trim().replace(/\s*\d+$/, '');   // 已报告落实 3 in a summary
      if (!text || seen.has(text)) continue;
      seen.add(text);
      items.push([badge(s.className, text), MEANINGS[text] || '']);
    }
    if (main.querySelector('.pair-badge') && !head.querySelector('.pair-badge')) {
      items.push([badge('pair-badge', '重复n'), '后一年的问题与前一年某条问题实质相同，两边标同一编号']);
    }
    const page = document.body.dataset.page || '';
    if (main.querySelector('mark:not(.legend-mark)')) {
      const m = document.createElement('mark');
      m.className = 'legend-mark';
      m.textContent = '标黄';
      items.push([m, MARKS[page] || '相同的文字']);
    }
    if (!items.length) return;
    const legend = document.createElement('div');
    legend.className = 'print-legend';
    legend.appendChild(document.createTextNode('图例：'));
    for (const [mark, meaning] of items) {
      const item = document.createElement('span');
      item.className = 'legend-item';
      item.appendChild(mark);
      if (meaning) item.appendChild(document.createTextNode(' ' + meaning));
      legend.appendChild(item);
    }
    head.appendChild(legend);
  }

  let pending = 0;
  function later() {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(render);
  }

  /** Folded parts open for the print; those the reader had folded fold again after it. */
  let opened = [];
  function beforePrint() {
    fill();
    render();
    opened = opened.concat([...document.querySelectorAll('details:not([open])')]);
    opened.forEach(d => { d.open = true; });
    // a print to PDF may never say it is done (no afterprint): fold back once it has surely been laid
    // out; while a print dialog is open, timers wait, so this never folds under a print in progress
    setTimeout(afterPrint, 2000);
  }
  function afterPrint() {
    opened.forEach(d => { d.open = false; });
    opened = [];
  }

  function mount() {
    document.body.appendChild(stamp);
    fill();
    render();
    const main = document.querySelector('main');
    if (main && window.MutationObserver) {
      new MutationObserver(records => {
        if (records.some(r => !head.contains(r.target))) later();
      }).observe(main, { childList: true, subtree: true });
    }
    RA.session().then(s => {
      who = s && s.username ? s.username : (s && s.open ? '本机用户（未设账户）' : '');
      fill();
    }).catch(() => fill());
  }

  /** For the pages: the heading of the printed page (unit, years, query). */
  window.PrintView = {
    heading(text) {
      heading = text || null;
      later();
    }
  };

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mount);
  else mount();
  window.addEventListener('beforeprint', beforePrint);
  window.addEventListener('afterprint', afterPrint);
  if (window.matchMedia) matchMedia('print').addEventListener('change', e => { if (e.matches) beforePrint(); else afterPrint(); });
})();
