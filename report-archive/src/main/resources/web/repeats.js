/* 重复问题: for one unit (the team's reports or one person's), the chains of the same problem through
 * its years, whether a measure for it was ever reported done, and a chart of problems per aspect
 * per year with how many were repeats; below, the problems the whole archive raises in many units.
 * The URL holds the choice (repeats.html?unit=…&author=…&year=…&limit=…). */
'use strict';

(() => {
  const { el, clear } = RA;
  let all = [];
  let archiveYears = [];
  let chart = null;
  let generation = 0;

  const field = id => document.getElementById(id);

  function readState() {
    const p = new URLSearchParams(location.search);
    return { unit: p.get('unit') || '', author: p.get('author') || '', year: p.get('year') || '', limit: p.get('limit') || '20' };
  }

  function query(s, keys) {
    const p = new URLSearchParams();
    for (const k of keys) if (s[k]) p.set(k, s[k]);
    return p.toString();
  }

  function formState() {
    return { unit: field('r-unit').value, author: field('r-author').value, year: field('c-year').value, limit: field('c-limit').value };
  }

  function writeState(s, push) {
    const qs = '?' + query(s, ['unit', 'author', 'year', 'limit'].filter(k => k !== 'limit' || s.limit !== '20'));
    if (qs === location.search) return;
    if (push) history.pushState(null, '', qs);
    else history.replaceState(null, '', qs);
  }

  function exportLinks(base, parts) {
    return [
      el('a', { href: base + '&format=xlsx', download: true, class: 'export-xlsx' }, '导出 Excel'),
      parts.map(([part, label]) => el('a', { href: base + '&format=csv' + (part ? '&part=' + part : ''), download: true }, '导出 CSV' + label))
    ];
  }

  // ---- one unit's history ----

  function chainItem(chain, who) {
    const links = chain.links;
    const steps = [];
    links.forEach((l, i) => {
      steps.push(el('div', { class: 'chain-link' },
        el('div', { class: 'point-head' },
          el('span', { class: 'year' }, l.year + '年'),
          el('a', { class: 'ref', href: RA.reportLink(l.reportId, l.ref), title: '在材料中查看这一条' }, RA.refLabel(l.ref)),
          l.aspect ? el('span', { class: 'tag aspect' }, RA.aspectLabel(l.aspect)) : null,
          l.similarity != null ? el('span', { class: 'sim', title: '与' + links[i - 1].year + '年的表述相比' }, '相似度 ' + RA.percent(l.similarity)) : null,
          i > 0 ? el('a', { class: 'small no-print', href: 'compare.html?' + query(Object.assign({}, who, { from: links[i - 1].year, to: l.year }), ['unit', 'author', 'from', 'to']),
            title: '打开这两年的逐条对比' }, '对比') : null),
        el('p', { class: 'point-text' }, l.text)));
    });
    return el('li', { class: 'chain' + (chain.measuresReported ? '' : ' never') },
      el('div', { class: 'chain-head' },
        el('span', { class: 'times' }, '提出 ' + chain.times + ' 次'),
        el('span', { class: 'years' }, chain.years.map(y => y + '年').join(' → ')),
        chain.measuresReported
          ? el('span', { class: 'status reported', title: '至少有一年的整改落实情况写到了针对它的措施' }, '曾报告措施落实')
          : el('span', { class: 'status no-trace', title: '没有一年的整改落实情况写到针对它的措施' }, '从未报告措施落实')),
      el('div', { class: 'chain-links' }, steps));
  }

  /** Stacked bars: problems per aspect per year; a line: how many of them restate an earlier year's. */
  function drawChart(box, trend) {
    if (chart) { chart.dispose(); chart = null; }
    if (typeof echarts === 'undefined') {
      box.appendChild(el('p', { class: 'notice' }, '图表组件未能加载，下表列出同样的数字。'));
      return;
    }
    const years = trend.map(t => t.year + '年');
    const aspects = [];
    for (const t of trend) for (const a of t.aspects) if (!aspects.some(x => x.aspect === a.aspect)) aspects.push(a);
    const count = (t, key, what) => { const a = t.aspects.find(x => x.aspect === key); return a ? a[what] : 0; };
    const div = el('div', { class: 'trend-chart', id: 'trend-chart', role: 'img',
      'aria-label': '各年度按方面的问题条数（堆叠柱）和其中重复的条数（折线）' });
    box.appendChild(div);
    chart = echarts.init(div, null, { renderer: 'canvas' });
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: getComputedStyle(document.body).fontFamily },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 48, right: 24, top: 56, bottom: 28 },
      xAxis: { type: 'category', data: years },
      yAxis: { type: 'value', name: '问题条数', minInterval: 1 },
      series: aspects.map(a => ({
        name: a.label || RA.aspectLabel(a.aspect), type: 'bar', stack: 'problems', barMaxWidth: 64,
        emphasis: { focus: 'series' }, data: trend.map(t => count(t, a.aspect, 'problems'))
      })).concat([{
        name: '其中重复', type: 'line', z: 10, symbol: 'circle', symbolSize: 9, color: '#1f1f1f',
        lineStyle: { width: 3 }, label: { show: true, position: 'top', fontWeight: 'bold' },
        data: trend.map(t => t.aspects.reduce((n, a) => n + a.repeats, 0))
      }])
    });
  }

  function trendTable(trend) {
    const aspects = [];
    for (const t of trend) for (const a of t.aspects) if (!aspects.some(x => x.aspect === a.aspect)) aspects.push(a);
    const cell = (t, key) => {
      const a = t.aspects.find(x => x.aspect === key);
      return el('td', { class: 'num' }, a ? (a.repeats ? a.problems + '（重复 ' + a.repeats + '）' : String(a.problems)) : '—');
    };
    return el('table', { class: 'grid trend-table', id: 'trend-table' },
      el('thead', null, el('tr', null, el('th', { scope: 'col' }, '年度'),
        aspects.map(a => el('th', { scope: 'col' }, a.label || RA.aspectLabel(a.aspect))), el('th', { scope: 'col' }, '合计'))),
      el('tbody', null, trend.map(t => el('tr', null, el('th', { scope: 'row' }, t.year + '年'), aspects.map(a => cell(t, a.aspect)),
        el('td', { class: 'num' }, t.aspects.reduce((n, a) => n + a.problems, 0) + '（重复 ' + t.aspects.reduce((n, a) => n + a.repeats, 0) + '）')))));
  }

  function renderHistory(h) {
    const box = clear(field('history-body'));
    const who = { unit: h.unit, author: h.author || '' };
    const name = h.unit + (h.author ? ' ' + h.author : ' 领导班子');
    if (window.PrintView) {
      PrintView.heading('重复问题　' + name + (h.years.length ? '　' + h.years[0] + '—' + h.years[h.years.length - 1] + '年' : ''));
    }
    const chains = h.chains.slice().sort((a, b) => b.times - a.times || (a.measuresReported ? 1 : 0) - (b.measuresReported ? 1 : 0)
      || a.years[0] - b.years[0]);
    const never = chains.filter(c => !c.measuresReported).length;
    box.appendChild(el('div', { class: 'compare-summary' },
      el('span', { class: 'count' }, name),
      el('span', null, h.years.length ? h.years[0] + '—' + h.years[h.years.length - 1] + '年，' + h.years.length + ' 份材料' : '没有材料'),
      el('span', null, '反复出现的问题 ', el('b', { id: 'chain-count' }, String(chains.length)), ' 个，其中从未报告措施落实的 ', el('b', null, String(never)), ' 个'),
      el('span', { class: 'exports no-print' }, exportLinks('api/repeats/export?' + query(who, ['unit', 'author']),
        [['chains', '（问题链）'], ['trend', '（趋势）']]))));
    if (h.years.length < 2) {
      box.appendChild(el('p', { class: 'notice' }, '这个单位只有一个年度的材料，还无法看出哪些问题反复出现。'));
    }
    if (h.trend && h.trend.length) {
      box.appendChild(el('h3', null, '各年度的问题条数（按方面）及其中重复的条数'));
      drawChart(box, h.trend);
      box.appendChild(trendTable(h.trend));
    }
    box.appendChild(el('h3', null, '反复出现的问题'));
    if (!chains.length) {
      box.appendChild(el('p', { class: 'notice' }, '这些年度的材料中没有反复出现的问题。'));
      return;
    }
    box.appendChild(el('ol', { class: 'chains', id: 'chains' }, chains.map(c => chainItem(c, who))));
  }

  async function loadHistory(s) {
    const mine = ++generation;
    const box = field('history-body');
    if (!s.unit) {
      clear(box).appendChild(el('p', { class: 'notice' }, '档案库还没有注明单位的材料。'));
      return;
    }
    clear(box).appendChild(el('p', { class: 'muted' }, '正在分析历年材料…'));
    try {
      const h = await RA.api('api/repeats?' + query(s, ['unit', 'author']));
      if (mine === generation) renderHistory(h);
    } catch (e) {
      if (mine === generation) RA.showError(box, e.message);
    }
  }

  // ---- the whole archive ----

  function groupItem(g, i) {
    return el('li', { class: 'group' },
      el('div', { class: 'chain-head' },
        el('span', { class: 'rank' }, String(i + 1)),
        el('span', { class: 'times' }, g.units + ' 个单位'),
        el('span', { class: 'muted' }, g.reports + ' 份材料'),
        g.aspect ? el('span', { class: 'tag aspect' }, RA.aspectLabel(g.aspect)) : null),
      el('p', { class: 'point-text' }, g.text),
      g.examples && g.examples.length ? el('details', null,
        el('summary', null, '各单位的表述（' + g.examples.length + '）'),
        el('ul', { class: 'examples' }, g.examples.map(x => el('li', null,
          el('div', { class: 'point-head' },
            el('a', { href: RA.reportLink(x.reportId, x.ref) }, [x.unit, x.author, x.year ? x.year + '年' : ''].filter(Boolean).join(' ')),
            el('span', { class: 'ref muted' }, RA.refLabel(x.ref))),
          el('p', { class: 'point-text' }, x.text))))) : null);
  }

  async function loadCommon(s) {
    const params = query(s, ['limit', 'year']);
    RA.append(clear(field('common-exports')), exportLinks('api/repeats/common/export?' + params, [['', '']]));
    const box = field('common-body');
    const groups = await RA.loadList(box, 'api/repeats/common?' + params, a => a.groups, '正在汇总全库材料…',
      '没有被多个单位共同查摆的问题。');
    if (!groups) return;
    box.appendChild(el('ol', { class: 'groups', id: 'groups' }, groups.map(groupItem)));
  }

  document.addEventListener('DOMContentLoaded', async () => {
    try {
      await RA.loadLabels();
      await Pick.loadUnits();
      // the archive's years from the server's grid (one unit's row): not from a list of every report
      archiveYears = (await RA.api('api/reports/grid?size=1')).years.filter(Boolean).sort((a, b) => b - a);
    } catch (e) {
      RA.showError(field('history-body'), e.message);
      return;
    }
    let filling = 0;
    let loadedUnit = null;
    /** The unit's reports from the server, then its authors; the years of common problems are the archive's. */
    const fill = async s => {
      const mine = ++filling;
      const unit = Pick.shown(s.unit) || Pick.directoryUnits()[0] || '';
      if (unit !== loadedUnit) {
        const reports = await Pick.unitReports(unit);
        if (mine !== filling) return;
        all = reports;
        loadedUnit = unit;
      }
      Pick.fillUnits(field('r-unit'), null, unit);
      Pick.fillAuthors(field('r-author'), all, field('r-unit').value, s.author);
      Pick.fill(field('c-year'), [['', '全部年度']].concat(archiveYears.map(y => [String(y), y + '年'])), s.year);
      Pick.fill(field('c-limit'), [['20', '20'], ['50', '50'], ['100', '100']], s.limit);
    };
    const s = readState();
    await fill(s);
    Pick.finder(field('r-find'), r => fill(Object.assign(formState(), { unit: r.unit, author: r.kind === 'team' ? '' : (r.author || '') }))
      .then(() => {
        writeState(formState(), true);
        loadHistory(formState());
      }));
    field('r-unit').addEventListener('change', () => fill(Object.assign(formState(), { unit: field('r-unit').value, author: '' })));
    field('repeats-form').addEventListener('submit', e => {
      e.preventDefault();
      writeState(formState(), true);
      loadHistory(formState());
    });
    for (const id of ['c-year', 'c-limit']) {
      field(id).addEventListener('change', () => {
        writeState(formState(), true);
        loadCommon(formState());
      });
    }
    field('common-form').addEventListener('submit', e => e.preventDefault());
    window.addEventListener('popstate', () => {
      fill(readState()).then(() => {
        loadHistory(formState());
        loadCommon(formState());
      });
    });
    window.addEventListener('resize', () => chart && chart.resize());
    writeState(formState(), false);
    loadHistory(formState());
    loadCommon(formState());
  });
})();
