/* 核对草稿: a draft uploaded (POST api/compare/draft), compared with the archived report of the year
 * before and shown as 对比 shows two years — repeats badged on both sides with the shared words marked,
 * each earlier measure with its status — with the measures the draft says nothing about listed
 * first. Nothing of the draft is kept: the page holds the answer only while it is open. */
'use strict';

(() => {
  const { el, clear } = RA;
  const STATUS = { reported: '已报告落实', recurred: '问题再次出现', 'no-trace': '未见下文' };
  const COLORS = ['#b3261e', '#1f5fa8', '#2e7d32', '#8e44ad', '#c26a00', '#00796b', '#ad1457', '#5d4037', '#3949ab', '#827717'];
  let all = [];
  let busy = false;

  const field = name => document.getElementById('d-' + name);

  function fillForm(unit, author) {
    Pick.fillUnits(field('unit'), all, unit);
    Pick.fillAuthors(field('author'), all, field('unit').value, author);
  }

  function badge(n) {
    return el('span', { class: 'pair-badge', style: '--pair:' + COLORS[(n - 1) % COLORS.length], 'data-pair': n,
      title: '第 ' + n + ' 组重复问题' }, '重复' + n);
  }

  /** The earlier year's place links to the archived report; the draft's place is words alone (it is in no archive). */
  function place(c, side, ref) {
    if (side === 'from') {
      return el('a', { class: 'ref', href: RA.reportLink(c.from.reportId, ref), title: '在存档材料中查看这一条' },
        c.from.year + '年 ' + RA.refLabel(ref));
    }
    return el('span', { class: 'ref' }, '草稿 ' + RA.refLabel(ref));
  }

  function point(c, side, p, pairs, head, after) {
    const li = el('li', { class: 'point', 'data-ref': p.ref, 'data-side': side });
    if (pairs.length) {
      li.classList.add('paired');
      li.setAttribute('data-pairs', pairs.map(x => x.n).join(' '));
      li.style.setProperty('--pair', COLORS[(pairs[0].n - 1) % COLORS.length]);
    }
    li.appendChild(el('div', { class: 'point-head' }, place(c, side, p.ref), pairs.map(x => badge(x.n)), head));
    li.appendChild(el('p', { class: 'point-text' }, RA.markRuns(p.text, pairs.flatMap(x => x.repeat.shared))));
    if (after) li.appendChild(after);
    return li;
  }

  function measure(c, m) {
    const evidence = (m.evidence || []).map(e => el('div', { class: 'evidence' },
      el('span', { class: 'muted' }, m.status === 'reported' ? '草稿所述：' : '草稿再次查摆：'),
      place(c, 'to', e.ref), '　', el('span', null, e.text)));
    return point(c, 'from', m.measure, [],
      [el('span', { class: 'status ' + m.status }, STATUS[m.status] || m.status),
        m.answers ? el('span', { class: 'muted small' }, '针对' + RA.refLabel(m.answers)) : null],
      evidence.length ? el('div', { class: 'evidence-list' }, evidence) : null);
  }

  function pairsOf(c) {
    const order = c.aspects.flatMap(a => a.to.problems.map(p => p.ref));
    const repeats = c.repeats.slice().sort((x, y) => order.indexOf(x.to.ref) - order.indexOf(y.to.ref));
    const byTo = new Map();
    const byFrom = new Map();
    repeats.forEach((r, i) => {
      const pair = { n: i + 1, repeat: r };
      byTo.set(r.to.ref, [pair]);
      if (!byFrom.has(r.from.ref)) byFrom.set(r.from.ref, []);
      byFrom.get(r.from.ref).push(pair);
    });
    return { byTo, byFrom };
  }

  function column(c, side, col, pairs, followUps) {
    const box = el('div', { class: 'col ' + side });
    if (!col.problems.length && !col.measures.length) {
      box.appendChild(el('p', { class: 'muted small empty' }, side === 'to' ? '草稿中没有归入这一方面的问题和措施。' : '本年度材料没有归入这一方面的问题和措施。'));
      return box;
    }
    if (col.problems.length) {
      box.appendChild(el('h3', null, '问题'));
      box.appendChild(el('ol', { class: 'points' }, col.problems.map(p => {
        const pairs_ = (side === 'from' ? pairs.byFrom : pairs.byTo).get(p.ref) || [];
        const head = side === 'to' && pairs_.length ? el('span', { class: 'sim' },
          '相似度 ' + RA.percent(pairs_[0].repeat.similarity) + '，同' + c.from.year + '年' + RA.refLabel(pairs_[0].repeat.from.ref)) : null;
        return point(c, side, p, pairs_, head);
      })));
    }
    if (col.measures.length) {
      box.appendChild(el('h3', null, '措施'));
      box.appendChild(el('ol', { class: 'points measures' }, col.measures.map(m => side === 'from' && followUps.has(m.ref)
        ? measure(c, followUps.get(m.ref)) : point(c, side, m, []))));
    }
    return box;
  }

  function notAccounted(c) {
    const n = c.notAccounted || { message: '', measures: [] };
    const box = el('section', { class: 'not-accounted', id: 'not-accounted' }, el('h2', null, n.message || ''));
    if (n.measures.length) {
      box.appendChild(el('ol', { class: 'points' }, n.measures.map(m => el('li', { class: 'point', 'data-ref': m.measure.ref },
        el('div', { class: 'point-head' }, place(c, 'from', m.measure.ref), el('span', { class: 'status no-trace' }, STATUS['no-trace'])),
        el('p', { class: 'point-text' }, m.measure.text)))));
    }
    return box;
  }

  function render(c) {
    const box = clear(document.getElementById('draft-body'));
    const d = c.draft;
    const who = c.unit + (c.author ? ' ' + c.author : ' 领导班子');
    const counts = {};
    for (const m of c.measures) counts[m.status] = (counts[m.status] || 0) + 1;
    box.appendChild(el('h2', { class: 'print-only print-title' }, who + '　' + d.year + '年草稿与' + c.from.year + '年材料核对'));
    box.appendChild(el('p', { class: 'notice', id: 'compared-with' }, (d.title || d.filename || '草稿') + '：' + d.year + '年（' + d.yearNote + '）。'
      + d.comparedWith));
    const warnings = RA.warningList(d.warnings);
    if (warnings) box.appendChild(warnings);
    box.appendChild(el('div', { class: 'compare-summary' },
      el('span', { class: 'count' }, '草稿中重复上年的问题 ', el('b', { id: 'repeat-count' }, String(c.repeats.length)), ' 条'),
      el('span', { class: 'muted' }, '（相似度 ≥ ' + RA.percent(c.threshold) + '）'),
      el('span', null, c.from.year + '年措施 ' + c.measures.length + ' 条：',
        ['reported', 'recurred', 'no-trace'].map(k => el('span', { class: 'status ' + k }, STATUS[k] + ' ' + (counts[k] || 0)))),
      el('span', { class: 'exports no-print' }, el('a', { href: '#', onclick: e => { e.preventDefault(); window.print(); } }, '打印'))));
    box.appendChild(notAccounted(c));

    const pairs = pairsOf(c);
    const followUps = new Map(c.measures.map(m => [m.measure.ref, m]));
    const grid = el('div', { class: 'compare-grid', id: 'compare-grid' });
    grid.appendChild(el('div', { class: 'col-head from' }, el('span', { class: 'year' }, c.from.year + '年'),
      el('a', { href: RA.reportLink(c.from.reportId) }, c.from.title || '（无标题）')));
    grid.appendChild(el('div', { class: 'gutter-head' }));
    grid.appendChild(el('div', { class: 'col-head to' }, el('span', { class: 'year' }, d.year + '年草稿'),
      el('span', null, d.title || d.filename || '')));
    for (const a of c.aspects) {
      grid.appendChild(el('h2', { class: 'aspect-head' }, a.label || RA.aspectLabel(a.aspect)));
      grid.appendChild(column(c, 'from', a.from, pairs, followUps));
      grid.appendChild(el('div', { class: 'gutter' }));
      grid.appendChild(column(c, 'to', a.to, pairs, followUps));
    }
    box.appendChild(grid);
    if (!c.aspects.length) box.appendChild(el('p', { class: 'notice' }, '草稿和上年材料都没有识别出问题或措施，无法逐条核对。'));
  }

  async function submit(e) {
    e.preventDefault();
    if (busy) return;
    const box = document.getElementById('draft-body');
    const file = field('file').files[0];
    if (!file) {
      RA.showError(box, '请选择要核对的草稿文件。');
      return;
    }
    const form = new FormData();
    form.append('unit', field('unit').value);
    if (field('author').value) form.append('author', field('author').value);
    if (field('year').value) form.append('year', field('year').value);
    form.append('file', file, file.name);
    busy = true;
    field('submit').disabled = true;
    clear(box).appendChild(el('p', { class: 'muted' }, '正在读取草稿并与上一年材料对比…'));
    try {
      render(await RA.api('api/compare/draft', { method: 'POST', body: form }));
    } catch (err) {
      RA.showError(box, err.message);
    } finally {
      busy = false;
      field('submit').disabled = false;
    }
  }

  document.addEventListener('DOMContentLoaded', async () => {
    const p = new URLSearchParams(location.search);
    try {
      await RA.loadLabels();
      all = await RA.api('api/reports');
      await Pick.loadUnits();
    } catch (e) {
      RA.showError(document.getElementById('draft-body'), e.message);
      return;
    }
    if (!all.length) {
      document.getElementById('draft-body').appendChild(el('p', { class: 'notice' }, '档案库还没有材料，没有可以对比的上一年材料。'));
    }
    fillForm(p.get('unit') || '', p.get('author') || '');
    field('unit').addEventListener('change', () => fillForm(field('unit').value, ''));
    document.getElementById('draft-form').addEventListener('submit', submit);
  });
})();
