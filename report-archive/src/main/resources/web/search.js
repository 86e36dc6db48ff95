/* 检索: the search page. Its whole state lives in the URL (q, year, unit, aspect, section, page, sort,
 * related), so a search can be bookmarked, shared and gone back to with the back button. */
'use strict';

(() => {
  const { el, clear } = RA;
  const FILTERS = ['year', 'unit', 'aspect', 'section'];
  const FILTER_NAMES = { year: '年度', unit: '单位', aspect: '方面', section: '部分' };
  const PAGE_SIZE = 20;
  const FACET_SHOWN = 12;
  let generation = 0;            // answers to older requests are dropped
  const expanded = new Set();    // facets whose long list the user opened

  function readState() {
    const p = new URLSearchParams(location.search);
    const page = parseInt(p.get('page') || '1', 10);
    const size = parseInt(p.get('size') || String(PAGE_SIZE), 10);
    return {
      q: p.get('q') || '',
      year: p.get('year') || '', unit: p.get('unit') || '', aspect: p.get('aspect') || '', section: p.get('section') || '',
      page: page > 0 ? page : 1,
      size: size > 0 && size <= 200 ? size : PAGE_SIZE,
      sort: p.get('sort') === 'year' ? 'year' : 'relevance',
      related: p.get('related') !== 'false',
      from: p.get('from') || ''          // "reportId:ref" when the search was started from a report's item
    };
  }

  /** The URL query of a state, leaving out what is at its default. */
  function toQuery(s) {
    const p = new URLSearchParams();
    if (s.q.trim()) p.set('q', s.q.trim());
    for (const f of FILTERS) if (s[f]) p.set(f, s[f]);
    if (s.sort !== 'relevance') p.set('sort', s.sort);
    if (!s.related) p.set('related', 'false');
    if (s.size !== PAGE_SIZE) p.set('size', String(s.size));
    if (s.page > 1) p.set('page', String(s.page));
    if (s.from) p.set('from', s.from);
    return p.toString();
  }

  function href(s) {
    const qs = toQuery(s);
    return qs ? '?' + qs : location.pathname;
  }

  function isEmpty(s) {
    return !s.q.trim() && FILTERS.every(f => !s[f]);
  }

  /** A link that changes the search: a real href (opens in a new tab too), pushState on a plain click. */
  function stateLink(state, props, ...children) {
    const a = el('a', Object.assign({ href: href(state) }, props || {}), ...children);
    a.addEventListener('click', e => {
      if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
      e.preventDefault();
      go(state);
    });
    return a;
  }

  function go(state) {
    const target = href(state);
    if (target === (location.search || location.pathname)) history.replaceState(null, '', target);
    else history.pushState(null, '', target);
    run(state);
    window.scrollTo(0, 0);
  }

  function with_(state, changes) {
    return Object.assign({}, state, { page: 1 }, changes);
  }

  /** The query without the filters of one field typed in it (year:2023, unit:"…", 年度 written year：2023). */
  function withoutTyped(q, facet) {
    const re = new RegExp('(^|[\\s\u3000(（])' + facet + '\\s*[:：]\\s*("[^"]*"|“[^”]*”|[^\\s\u3000()（）]+)', 'gi');
    return q.replace(re, '$1').replace(/[\s\u3000]+/g, ' ').trim();
  }

  function facetValueLabel(facet, value) {
    if (facet === 'aspect') return RA.aspectLabel(value);
    if (facet === 'section') return RA.sectionLabel(value);
    if (facet === 'year') return value + '年';
    return value;
  }

  async function facetOrder(facet, counts) {
    const entries = Object.entries(counts || {});
    if (facet === 'year') return entries.sort((a, b) => Number(b[0]) - Number(a[0]));
    if (facet === 'aspect' || facet === 'section') {
      const m = await RA.meta();
      const order = (facet === 'aspect' ? m.aspects : m.sections || []).map(x => x.key);
      const rank = k => { const i = order.indexOf(k); return i < 0 ? 999 : i; };
      return entries.sort((a, b) => rank(a[0]) - rank(b[0]));
    }
    return entries.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh-CN'));
  }

  async function renderFacets(state, facets, estimated, typed) {
    const box = clear(document.getElementById('facets'));
    typed = typed || {};
    for (const facet of FILTERS) {
      let entries = await facetOrder(facet, facets[facet]);
      // a filter typed in the query (year:2023) is this facet's selection, as a click would make it
      const typedValues = !state[facet] && typed[facet] ? typed[facet] : [];
      const selected = state[facet] || (typedValues.length === 1 ? typedValues[0] : '');
      const isOn = value => state[facet] ? state[facet] === value : typedValues.includes(value);
      if (selected && !entries.some(([v]) => v === selected)) entries.unshift([selected, 0]);
      const list = el('ul');
      const long = entries.length > FACET_SHOWN + 2 && !expanded.has(facet);
      const shown = long ? entries.slice(0, FACET_SHOWN) : entries;
      if (long && selected && !shown.some(([v]) => v === selected)) shown.push(entries.find(([v]) => v === selected));
      for (const [value, count] of shown) {
        const on = isOn(value);
        const label = facetValueLabel(facet, value);
        // a click replaces the typed filter of this field: the count shown is what the click gives
        const q = typedValues.length ? withoutTyped(state.q, facet) : state.q;
        list.appendChild(el('li', null, stateLink(with_(state, { q, [facet]: on ? '' : value }), {
          class: (on ? 'on' : '') + (count === 0 ? ' zero' : '') + (on && typedValues.length ? ' typed' : ''),
          title: on ? '取消“' + label + '”筛选' : '只看' + FILTER_NAMES[facet] + '“' + label + '”',
          'data-facet': facet, 'data-value': value
        }, el('span', { class: 'v' }, label), el('span', { class: 'n', title: estimated ? '按抽样估计的约数' : null },
          (estimated && count > 0 ? '约' : '') + count))));
      }
      const sec = el('section', { 'data-facet': facet }, el('h2', null, FILTER_NAMES[facet]));
      sec.appendChild(entries.length ? list : el('p', { class: 'muted small' }, '无'));
      if (long) {
        sec.appendChild(el('a', { href: '#', class: 'more', onclick: e => { e.preventDefault(); expanded.add(facet); renderFacets(state, facets, estimated); } },
          '展开全部 ' + entries.length + ' 项'));
      }
      box.appendChild(sec);
    }
  }

  function renderChips(state) {
    const chips = el('span', { class: 'chips' });
    for (const f of FILTERS) {
      if (state[f]) {
        chips.appendChild(stateLink(with_(state, { [f]: '' }), { class: 'chip', title: '取消此筛选' },
          FILTER_NAMES[f] + '：' + facetValueLabel(f, state[f]) + ' ×'));
      }
    }
    return chips.childNodes.length ? chips : null;
  }

  function renderHit(hit, n, from) {
    const origin = from && from === hit.reportId + ':' + hit.ref;
    const link = RA.reportLink(hit.reportId, hit.ref);
    const snippet = el('p', { class: 'snippet' });
    if (hit.snippet) snippet.innerHTML = hit.snippet;   // escaped by the server; only <mark> is markup
    else snippet.textContent = hit.text || '';
    const meta = el('span', { class: 'hit-meta' },
      el('span', null, hit.unit || '单位不详'),
      el('span', null, RA.yearText(hit.year)),
      hit.author ? el('span', null, hit.author) : null,
      hit.section ? el('span', null, RA.sectionLabel(hit.section)) : null,
      hit.aspect ? el('span', null, RA.aspectLabel(hit.aspect)) : null,
      hit.ocr ? el('span', { class: 'ocr-mark', title: '文字由扫描图像识别（OCR）得到，可能有错字，请对照原件' }, '识别自扫描件') : null,
      hit.passage === 'title' ? el('span', { class: 'tag passage-mark' }, '标题') : null,
      hit.passage === 'heading' ? el('span', { class: 'tag passage-mark' }, '小标题') : null,
      hit.related && hit.related.length ? el('span', { class: 'tag related-mark', title: '这一段不含所输入的词，是通过相关词找到的' },
        '相关词：' + hit.related.join('、')) : null,
      hit.matchedName ? el('span', { class: 'tag name-mark', title: '按单位或作者名称找到的材料' }, '按名称：' + hit.matchedName) : null);
    const related = hit.related && hit.related.length;
    return el('li', { class: 'hit' + (origin ? ' origin' : '') + (related ? ' related' : ''), 'data-report': hit.reportId,
      'data-ref': hit.ref || '', 'data-passage': hit.passage || 'text' },
      el('div', { class: 'hit-head' },
        el('span', null, el('span', { class: 'hit-no' }, n + '.'), el('a', { class: 'hit-title', href: link }, hit.title || '（无标题）')),
        meta, origin ? el('span', { class: 'tag' }, '出发的这一条') : null),
      snippet,
      el('div', { class: 'where' }, '位置：', el('a', { href: link }, RA.refLabel(hit.ref) || '全文')));
  }

  function renderPager(state, total) {
    const pages = Math.ceil(total / state.size);
    if (pages <= 1) return null;
    const cur = Math.min(state.page, pages);
    const nav = el('nav', { class: 'pager', 'aria-label': '翻页' });
    const add = (p, label) => nav.appendChild(p === cur
      ? el('span', { class: 'on', 'aria-current': 'page' }, label)
      : stateLink(Object.assign({}, state, { page: p }), null, label));
    nav.appendChild(cur > 1 ? stateLink(Object.assign({}, state, { page: cur - 1 }), { rel: 'prev' }, '上一页') : el('span', { class: 'off' }, '上一页'));
    const want = new Set([1, pages, cur - 2, cur - 1, cur, cur + 1, cur + 2].filter(p => p >= 1 && p <= pages));
    let last = 0;
    for (const p of [...want].sort((a, b) => a - b)) {
      if (p > last + 1) nav.appendChild(el('span', { class: 'gap' }, '…'));
      add(p, String(p));
      last = p;
    }
    nav.appendChild(cur < pages ? stateLink(Object.assign({}, state, { page: cur + 1 }), { rel: 'next' }, '下一页') : el('span', { class: 'off' }, '下一页'));
    nav.appendChild(el('span', { class: 'gap muted small' }, '共 ' + pages + ' 页'));
    return nav;
  }

  // beyond several thousand matches the server counts a sample: the total is then an estimate
  function totalText(result) {
    return (result.totalExact === false ? '约 ' : '') + result.total;
  }

  function printHead(state, result) {
    const head = clear(document.getElementById('print-head'));
    const parts = ['检索式：' + (state.q.trim() || '（无）')];
    for (const f of FILTERS) if (state[f]) parts.push(FILTER_NAMES[f] + '：' + facetValueLabel(f, state[f]));
    parts.push('共 ' + totalText(result) + ' 条');
    if (window.PrintView) {   // the shared print heading (print-stamp.js): time and user are in its stamp
      PrintView.heading('检索结果　' + parts.join('　'));
      return;
    }
    parts.push('打印时间：' + new Date().toLocaleString('zh-CN', { hour12: false }));
    head.textContent = '对照检查材料档案库　' + parts.join('　');
  }

  function syncForm(state) {
    const box = document.getElementById('q');
    if (document.activeElement !== box || box.value.trim() !== state.q.trim()) box.value = state.q;
    document.getElementById('sort').value = state.sort;
    document.getElementById('related').checked = state.related;
    document.title = (state.q.trim() ? state.q.trim() + ' — ' : '') + '检索 — 对照检查材料档案库';
  }

  async function run(state) {
    if (new URLSearchParams(location.search).get('mode') === 'similar') return;   // 查相似表述: similar.js
    const mine = ++generation;
    syncForm(state);
    const body = document.getElementById('result-body');
    const params = new URLSearchParams();
    params.set('q', state.q.trim());
    for (const f of FILTERS) if (state[f]) params.set(f, state[f]);
    params.set('page', String(state.page));
    params.set('size', String(isEmpty(state) ? 1 : state.size));
    params.set('sort', state.sort);
    params.set('related', String(state.related));
    params.set('perReport', '2');
    body.setAttribute('aria-busy', 'true');
    let result;
    try {
      await RA.loadLabels();
      // a pasted paragraph makes a URL longer than the server takes: the same parameters go in the body
      const url = 'api/search?' + params.toString();
      result = url.length <= 4000 ? await RA.api(url)
        : await RA.api('api/search', { method: 'POST', headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(Object.fromEntries(params)) });
    } catch (e) {
      if (mine !== generation) return;
      body.removeAttribute('aria-busy');
      clear(document.getElementById('facets'));
      RA.showError(body, e.message);
      body.firstChild.id = 'search-error';
      return;
    }
    if (mine !== generation) return;
    body.removeAttribute('aria-busy');
    await renderFacets(state, result.facets || {}, result.facetsExact === false, result.queryFilters);
    clear(body);
    printHead(state, result);

    if (isEmpty(state)) {
      let reports = '';
      try { reports = (await RA.api('api/health')).reports; } catch (e) { /* the count is a nicety */ }
      body.appendChild(el('div', { class: 'landing' },
        el('p', null, '档案库现有材料 ', el('b', null, String(reports)), ' 份，可检索段落 ', el('b', null, totalText(result)), ' 条。'),
        el('p', { class: 'muted' }, '在上方输入检索词后按回车；也可以直接点左侧的年度、单位、方面、部分查看该类全部段落。'),
        reports === 0 ? el('p', null, '档案库还是空的：请先到“', el('a', { href: 'upload.html' }, '导入'), '”页上传材料。') : null));
      return;
    }

    const summary = el('div', { class: 'summary' },
      el('span', { class: 'count', id: 'total' }, '共 ' + totalText(result) + ' 条段落'),
      result.total > 0 ? el('span', { class: 'muted small' },
        '第 ' + ((state.page - 1) * state.size + 1) + '–' + Math.min(state.page * state.size, result.total) + ' 条') : null,
      renderChips(state),
      (FILTERS.some(f => state[f])) ? stateLink(with_(state, { year: '', unit: '', aspect: '', section: '' }), { class: 'small chip-clear' }, '清除全部筛选') : null);
    body.appendChild(summary);
    if (state.from) {
      const [fromId, fromRef] = state.from.split(':');
      body.appendChild(el('p', { class: 'muted small' }, '查找与',
        el('a', { href: RA.reportLink(fromId, fromRef) }, '这一条（' + RA.refLabel(fromRef) + '）'),
        '相近的段落：检索式由该条的各个短语用 OR 连成，共有的短语越多排得越前。'));
    }

    for (const note of result.notes || []) {
      body.appendChild(el('p', { class: 'notice search-note' }, note));
    }

    if (result.suggestions && result.suggestions.length) {
      body.appendChild(el('p', { class: 'did-you-mean', id: 'suggestions' }, '您是不是要找：',
        ...result.suggestions.map(s => stateLink(with_(state, { q: s, from: '' }), { 'data-suggestion': s }, s))));
    }
    if (!result.hits.length) {
      body.appendChild(el('p', { class: 'notice' }, result.total > 0 ? '这一页没有结果了。' :
        '没有找到符合条件的段落。可以换个说法、减少检索词、去掉引号或取消筛选再试。'));
    } else {
      const list = el('ol', { class: 'hits', id: 'hits' });
      result.hits.forEach((h, i) => list.appendChild(renderHit(h, (state.page - 1) * state.size + i + 1, state.from)));
      body.appendChild(list);
    }
    const pager = renderPager(state, result.total);
    if (pager) body.appendChild(pager);
  }

  function formState() {
    const current = readState();
    return Object.assign(current, {
      q: document.getElementById('q').value,
      sort: document.getElementById('sort').value,
      related: document.getElementById('related').checked,
      page: 1,
      from: document.getElementById('q').value.trim() === current.q.trim() ? current.from : ''
    });
  }

  document.addEventListener('DOMContentLoaded', () => {
    document.getElementById('search-form').addEventListener('submit', e => {
      e.preventDefault();
      go(formState());
    });
    document.getElementById('sort').addEventListener('change', () => go(formState()));
    document.getElementById('related').addEventListener('change', () => go(formState()));
    window.addEventListener('popstate', () => run(readState()));
    run(readState());
  });
})();
