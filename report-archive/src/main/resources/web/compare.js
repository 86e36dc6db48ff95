/* 对比: two years of one unit (the team's reports, or one person's) side by side by aspect. Repeated
 * problems carry the same numbered badge on both sides, their shared runs in <mark>, and a line
 * between them in the gutter; each earlier measure its status and evidence. The URL holds the
 * choice (compare.html?unit=…&author=…&from=…&to=…), so a comparison can be linked. */
'use strict';

(() => {
  const { el, clear } = RA;
  const STATUS = { reported: '已报告落实', recurred: '问题再次出现', 'no-trace': '未见下文' };
  const STATUS_HINT = {
    reported: '后一年材料的整改落实情况写到了这条措施',
    recurred: '这条措施针对的问题，后一年又被查摆出来',
    'no-trace': '后一年材料既没有报告它的落实，它针对的问题也没有再出现'
  };
  /** Pair colours: distinct, dark enough for white text, still telling apart when printed in grey. */
  const COLORS = ['#b3261e', '#1f5fa8', '#2e7d32', '#8e44ad', '#c26a00', '#00796b', '#ad1457', '#5d4037', '#3949ab', '#827717'];
  let all = [];
  let generation = 0;
  let stateC = null;   // the comparison on show

  const form = () => document.getElementById('compare-form');
  const field = name => document.getElementById('c-' + name);

  function readState() {
    const p = new URLSearchParams(location.search);
    return { unit: p.get('unit') || '', author: p.get('author') || '', from: p.get('from') || '', to: p.get('to') || '' };
  }

  function query(s) {
    const p = new URLSearchParams();
    for (const k of ['unit', 'author', 'from', 'to']) if (s[k]) p.set(k, s[k]);
    return p.toString();
  }

  /**
   * The selects follow each other: the unit (from the unit directory), its reports (from the server),
   * their authors, then the years that unit (and author) has reports for. A "to" year alone is
   * compared with the year before it that has a report.
   */
  let filling = 0;
  let loadedUnit = null;
  async function fillForm(s) {
    const mine = ++filling;
    const unit = Pick.shown(s.unit) || Pick.directoryUnits()[0] || '';
    // another author or year of the unit on show: its reports are at hand, and the selects fill at once
    if (unit !== loadedUnit) {
      const reports = await Pick.unitReports(unit);
      if (mine !== filling) return;
      all = reports;
      loadedUnit = unit;
    }
    Pick.fillUnits(field('unit'), null, unit);
    Pick.fillAuthors(field('author'), all, field('unit').value, s.author);
    const years = Pick.years(all, field('unit').value, field('author').value);
    const opts = years.map(y => [String(y), y + '年']);
    const last = years.length ? String(years[years.length - 1]) : '';
    const to = s.to || last;
    const earlier = years.filter(y => y < Number(to));
    const before = earlier.length ? String(earlier[earlier.length - 1]) : (years.length > 1 ? String(years[years.length - 2]) : last);
    Pick.fill(field('from'), opts, s.from || before);
    Pick.fill(field('to'), opts, to);
  }

  function formState() {
    return { unit: field('unit').value, author: field('author').value, from: field('from').value, to: field('to').value };
  }

  function placeLink(reportId, ref, year) {
    return el('a', { class: 'ref', href: RA.reportLink(reportId, ref), title: '在材料中查看这一条' },
      (year ? year + '年 ' : '') + RA.refLabel(ref));
  }

  function badge(n) {
    return el('span', { class: 'pair-badge', style: '--pair:' + COLORS[(n - 1) % COLORS.length], 'data-pair': n,
      title: '第 ' + n + ' 组重复问题' }, '重复' + n);
  }

  /**
   * Numbers the repeats in the order their later problems stand on the page, and indexes them by
   * each side's ref: later problems have one pair, an earlier one may be restated more than once.
   */
  function pairsOf(c) {
    const order = [];
    for (const a of c.aspects) for (const p of a.to.problems) order.push(p.ref);
    const repeats = c.repeats.slice().sort((x, y) => order.indexOf(x.to.ref) - order.indexOf(y.to.ref));
    const byTo = new Map();
    const byFrom = new Map();
    repeats.forEach((r, i) => {
      const pair = { n: i + 1, repeat: r };
      byTo.set(r.to.ref, pair);
      if (!byFrom.has(r.from.ref)) byFrom.set(r.from.ref, []);
      byFrom.get(r.from.ref).push(pair);
    });
    return { byTo, byFrom, count: repeats.length };
  }

  function pointItem(side, p, pairs, extra) {
    const li = el('li', { class: 'point', 'data-ref': p.ref, 'data-side': side });
    const runs = [];
    const badges = [];
    for (const pair of pairs) {
      runs.push(...pair.repeat.shared);
      badges.push(badge(pair.n));
    }
    if (pairs.length) {
      li.classList.add('paired');
      li.setAttribute('data-pairs', pairs.map(x => x.n).join(' '));
      li.setAttribute('tabindex', '0');
      li.style.setProperty('--pair', COLORS[(pairs[0].n - 1) % COLORS.length]);
    }
    li.appendChild(el('div', { class: 'point-head' }, placeLink(side === 'from' ? stateC.from.reportId : stateC.to.reportId, p.ref),
      badges, extra && extra.head));
    li.appendChild(el('p', { class: 'point-text' }, RA.markRuns(p.text, runs)));
    const matched = side === 'to' && pairs.length ? pairs[0].repeat.matched || [] : [];
    if (matched.length) li.appendChild(el('p', { class: 'matched muted small' }, '相同或同义的词：' + matched.join('、')));
    if (extra && extra.after) li.appendChild(extra.after);
    return li;
  }

  function laterHead(p, pairs, closest) {
    const pair = pairs.byTo.get(p.ref);
    if (pair) {
      return el('span', { class: 'sim', title: '与' + stateC.from.year + '年' + RA.refLabel(pair.repeat.from.ref) + '的相似度' },
        '相似度 ' + RA.percent(pair.repeat.similarity) + '，同' + stateC.from.year + '年' + RA.refLabel(pair.repeat.from.ref));
    }
    const near = closest.get(p.ref);
    if (near && near.similarity >= stateC.threshold / 2) {   // lower than that, nothing worth pointing at
      return el('span', { class: 'sim muted', title: '最相近的前一年问题：' + near.from.text },
        '最相近：' + stateC.from.year + '年' + RA.refLabel(near.from.ref) + ' ' + RA.percent(near.similarity) + '（未达重复标准）');
    }
    return null;
  }

  function measureItem(m, measureAspect) {
    const evidence = (m.evidence || []).map(e => el('div', { class: 'evidence' },
      el('span', { class: 'muted' }, m.status === 'reported' ? '落实情况：' : '再次出现：'),
      placeLink(stateC.to.reportId, e.ref, stateC.to.year), '　', el('span', null, e.text)));
    return pointItem('from', m.measure, [], {
      head: [
        el('span', { class: 'status ' + m.status, title: STATUS_HINT[m.status] || '' }, STATUS[m.status] || m.status),
        m.answers ? el('span', { class: 'muted small' }, '针对' + RA.refLabel(m.answers)) : null,
        measureAspect && m.aspect && m.aspect !== measureAspect ? el('span', { class: 'tag aspect' }, RA.aspectLabel(m.aspect)) : null
      ],
      after: evidence.length ? el('div', { class: 'evidence-list' }, evidence) : null
    });
  }

  function column(side, col, pairs, followUps, closest, aspectKey) {
    const box = el('div', { class: 'col ' + side });
    if (!col.problems.length && !col.measures.length) {
      box.appendChild(el('p', { class: 'muted small empty' }, '本年度材料没有归入这一方面的问题和措施。'));
      return box;
    }
    if (col.problems.length) {
      box.appendChild(el('h3', null, '问题'));
      box.appendChild(el('ol', { class: 'points' }, col.problems.map(p => side === 'from'
        ? pointItem('from', p, pairs.byFrom.get(p.ref) || [])
        : pointItem('to', p, pairs.byTo.has(p.ref) ? [pairs.byTo.get(p.ref)] : [], { head: laterHead(p, pairs, closest) }))));
    }
    if (col.measures.length) {
      box.appendChild(el('h3', null, '措施'));
      box.appendChild(el('ol', { class: 'points measures' }, col.measures.map(m => side === 'from' && followUps.has(m.ref)
        ? measureItem(followUps.get(m.ref), aspectKey)
        : pointItem(side, m, []))));
    }
    return box;
  }

  function summary(c, pairs) {
    const counts = {};
    for (const m of c.measures) counts[m.status] = (counts[m.status] || 0) + 1;
    const exportBase = 'api/compare/export?' + query({ unit: c.unit, author: c.author || '', from: c.from.year, to: c.to.year });
    const ledgerBase = 'api/ledger?' + new URLSearchParams(Object.assign({ unit: c.unit, year: String(c.from.year) },
      c.author ? { author: c.author } : {})).toString();
    return el('div', { class: 'compare-summary' },
      el('span', { class: 'count' }, '重复问题 ', el('b', { id: 'repeat-count' }, String(pairs.count)), ' 组'),
      el('span', { class: 'muted' }, '（相似度 ≥ ' + RA.percent(c.threshold) + '）'),
      el('span', null, c.from.year + '年措施 ' + c.measures.length + ' 条：',
        ['reported', 'recurred', 'no-trace'].map(k => el('span', { class: 'status ' + k }, STATUS[k] + ' ' + (counts[k] || 0)))),
      el('span', { class: 'exports no-print' },
        el('a', { id: 'export-xlsx', href: exportBase + '&format=xlsx', download: true }, '导出 Excel'),
        el('a', { id: 'export-docx', href: exportBase + '&format=docx', download: true }, '下载 Word'),
        el('a', { id: 'export-csv', href: exportBase + '&format=csv&part=problems', download: true }, '导出 CSV（问题）'),
        el('a', { href: exportBase + '&format=csv&part=measures', download: true }, '导出 CSV（措施）'),
        el('a', { href: exportBase + '&format=csv&part=possible', download: true }, '导出 CSV（疑似重复）'),
        el('span', { class: 'ledger-links' }, c.from.year + '年整改台账：',
          el('a', { id: 'ledger-xlsx', href: ledgerBase + '&format=xlsx', download: true }, 'Excel'), ' ',
          el('a', { id: 'ledger-docx', href: ledgerBase + '&format=docx', download: true }, 'Word')),
        el('a', { href: '#', onclick: e => { e.preventDefault(); window.print(); } }, '打印')));
  }

  function sideHead(side, s) {
    return el('div', { class: 'col-head ' + side },
      el('span', { class: 'year' }, s.year + '年'),
      el('a', { href: RA.reportLink(s.reportId), title: '打开这份材料' }, s.title || '（无标题）'));
  }

  function render(c) {
    stateC = c;
    const box = clear(document.getElementById('compare-body'));
    const pairs = pairsOf(c);
    const followUps = new Map(c.measures.map(m => [m.measure.ref, m]));
    const closest = new Map((c.closest || []).map(r => [r.to.ref, r]));
    const who = c.unit + (c.author ? ' ' + c.author : ' 领导班子');
    document.title = who + ' ' + c.from.year + '—' + c.to.year + '年对比 — 对照检查材料档案库';
    if (window.PrintView) PrintView.heading(who + '　' + c.from.year + '年与' + c.to.year + '年对照检查材料对比');
    box.appendChild(summary(c, pairs));

    const grid = el('div', { class: 'compare-grid', id: 'compare-grid' });
    grid.appendChild(sideHead('from', c.from));
    grid.appendChild(el('div', { class: 'gutter-head' }));
    grid.appendChild(sideHead('to', c.to));
    for (const a of c.aspects) {
      grid.appendChild(el('h2', { class: 'aspect-head', id: 'aspect-' + a.aspect }, a.label || RA.aspectLabel(a.aspect)));
      grid.appendChild(column('from', a.from, pairs, followUps, closest, a.aspect));
      grid.appendChild(el('div', { class: 'gutter' }));
      grid.appendChild(column('to', a.to, pairs, followUps, closest, a.aspect));
    }
    const measured = new Set(c.aspects.flatMap(a => a.from.measures.map(m => m.ref)));
    const loose = c.measures.filter(m => !measured.has(m.measure.ref));
    if (loose.length) {   // a measure outside the aspect columns would otherwise not be shown
      grid.appendChild(el('h2', { class: 'aspect-head' }, '其他措施'));
      grid.appendChild(el('div', { class: 'col from' }, el('ol', { class: 'points measures' }, loose.map(m => measureItem(m, null)))));
      grid.appendChild(el('div', { class: 'gutter' }));
      grid.appendChild(el('div', { class: 'col to' }));
    }
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('class', 'pair-lines');
    svg.setAttribute('aria-hidden', 'true');
    grid.appendChild(svg);
    box.appendChild(grid);
    if (!c.aspects.length) box.appendChild(el('p', { class: 'notice' }, '两份材料都没有识别出问题或措施，无法逐条对比；请打开材料查看原文。'));
    box.appendChild(possibleSection(c));
    installHighlight(grid);
    drawLines();
  }

  /** One side of a possible repeat: where it stands, its text with the shared runs marked. */
  function possibleSide(side, p, runs) {
    const year = side === 'to' ? stateC.to.year : stateC.from.year;
    return el('div', { class: 'possible-side ' + side, 'data-ref': p.ref },
      el('div', { class: 'point-head' }, placeLink(side === 'to' ? stateC.to.reportId : stateC.from.reportId, p.ref, year),
        p.aspect ? el('span', { class: 'tag aspect' }, RA.aspectLabel(p.aspect)) : null),
      el('p', { class: 'point-text' }, RA.markRuns(p.text, runs)));
  }

  /**
   * 疑似重复, the second tier: below the repeats and collapsed, never in their count; each pair with
   * the marks a repeat has (shared runs, the words and synonyms that matched), for the reader to judge.
   */
  function possibleSection(c) {
    const list = c.possibleRepeats || [];
    const box = el('details', { class: 'possible-repeats', id: 'possible-repeats' },
      el('summary', null, '疑似重复（措辞不同，需人工判断）', el('b', { id: 'possible-count' }, String(list.length)), ' 条'));
    box.appendChild(el('p', { class: 'muted small' }, list.length
      ? '这些问题相似度未达重复标准（' + RA.percent(c.threshold) + '），但在两年问题的一一配对中彼此最为相近（相似度 ≥ '
        + RA.percent(c.possibleThreshold) + '）：可能是同一问题换了说法，也可能只是同一方面的不同问题，请逐条判断。'
      : '两年的问题中没有未达重复标准、但彼此最为相近的条目。'));
    if (!list.length) return box;
    box.appendChild(el('ol', { class: 'possible-list' }, list.map((r, i) => el('li', { class: 'possible', 'data-ref': r.to.ref },
      el('div', { class: 'possible-head' },
        el('span', { class: 'possible-badge' }, '疑似' + (i + 1)),
        el('span', { class: 'sim' }, '相似度 ' + RA.percent(r.similarity))),
      el('div', { class: 'possible-pair' }, possibleSide('to', r.to, r.shared), possibleSide('from', r.from, r.shared)),
      (r.matched || []).length ? el('p', { class: 'matched muted small' }, '相同或同义的词：' + r.matched.join('、')) : null))));
    return box;
  }

  /** Hovering or focusing one side of a pair lights up the other (and its line). */
  function installHighlight(grid) {
    const on = (target, yes) => {
      const li = target.closest && target.closest('li.paired');
      if (!li) return;
      for (const n of li.dataset.pairs.split(' ')) {
        for (const other of grid.querySelectorAll('li.paired')) {
          if (other.dataset.pairs.split(' ').includes(n)) other.classList.toggle('lit', yes);
        }
        for (const path of grid.querySelectorAll('.pair-lines path[data-pair="' + n + '"]')) path.classList.toggle('lit', yes);
      }
    };
    grid.addEventListener('mouseover', e => on(e.target, true));
    grid.addEventListener('mouseout', e => on(e.target, false));
    grid.addEventListener('focusin', e => on(e.target, true));
    grid.addEventListener('focusout', e => on(e.target, false));
  }

  /** A curve per pair from the left item's right edge to the right item's left edge: it stays in the gutter. */
  function drawLines() {
    const grid = document.getElementById('compare-grid');
    if (!grid) return;
    const svg = grid.querySelector('.pair-lines');
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    const box = grid.getBoundingClientRect();
    svg.setAttribute('width', box.width);
    svg.setAttribute('height', box.height);
    for (const right of grid.querySelectorAll('li.paired[data-side=to]')) {
      const n = right.dataset.pairs;
      const left = [...grid.querySelectorAll('li.paired[data-side=from]')].find(li => li.dataset.pairs.split(' ').includes(n));
      if (!left) continue;
      const a = left.querySelector('.point-head').getBoundingClientRect();
      const b = right.querySelector('.point-head').getBoundingClientRect();
      const x1 = left.getBoundingClientRect().right - box.left;
      const x2 = right.getBoundingClientRect().left - box.left;
      const y1 = a.top + a.height / 2 - box.top;
      const y2 = b.top + b.height / 2 - box.top;
      const mid = (x1 + x2) / 2;
      const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
      path.setAttribute('d', `M${x1},${y1} C${mid},${y1} ${mid},${y2} ${x2},${y2}`);
      path.setAttribute('stroke', COLORS[(Number(n) - 1) % COLORS.length]);
      path.setAttribute('data-pair', n);
      svg.appendChild(path);
    }
  }

  async function run(s) {
    const mine = ++generation;
    const box = document.getElementById('compare-body');
    if (!s.unit || !s.from || !s.to) {
      clear(box).appendChild(el('p', { class: 'notice' }, all.length
        ? '请选择单位、材料和两个年度，再点“对比”。'
        : '档案库还没有材料。请先到“导入”页上传材料。'));
      return;
    }
    if (s.from === s.to) {
      RA.showError(box, '请选择两个不同的年度。');
      return;
    }
    clear(box).appendChild(el('p', { class: 'muted' }, '正在对比…'));
    let c;
    try {
      c = await RA.api('api/compare?' + query(s));
    } catch (e) {
      // a later "from" than "to" is refused by the server (not swapped): its sentence says which to choose
      if (mine === generation) RA.showError(box, e.message);
      return;
    }
    if (mine === generation) render(c);
  }

  function go(s) {
    const qs = '?' + query(s);
    if (qs !== location.search) history.pushState(null, '', qs);
    run(s);
  }

  document.addEventListener('DOMContentLoaded', async () => {
    try {
      await RA.loadLabels();
      await Pick.loadUnits();
      await fillForm(readState());
    } catch (e) {
      RA.showError(document.getElementById('compare-body'), e.message);
      return;
    }
    const s = readState();
    // a report found by typing: its unit and author, compared with the year before
    Pick.finder(field('find'), r => fillForm({ unit: r.unit, author: r.kind === 'team' ? '' : (r.author || ''), to: r.year ? String(r.year) : '' })
      .then(() => go(formState())));
    field('unit').addEventListener('change', () => fillForm({ unit: field('unit').value }));
    field('author').addEventListener('change', () => fillForm({ unit: field('unit').value, author: field('author').value }));
    form().addEventListener('submit', e => {
      e.preventDefault();
      go(formState());
    });
    window.addEventListener('popstate', () => {
      fillForm(readState()).then(() => run(readState()));
    });
    let pending = 0;
    window.addEventListener('resize', () => {
      cancelAnimationFrame(pending);
      pending = requestAnimationFrame(drawLines);
    });
    if (document.fonts) document.fonts.ready.then(drawLines);
    // opened without a choice: compare the latest two years of the first unit straight away
    const start = s.unit && s.from && s.to ? s : formState();
    if (start.unit) history.replaceState(null, '', '?' + query(start));
    run(start);
  });
})();
