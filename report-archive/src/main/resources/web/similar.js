/* 检索 page, 查相似表述 mode (index.html?mode=similar&text=…): paste a problem, get the archived points
 * that say the same whatever their wording, most similar first, with the runs they share marked. The
 * state is in the URL (mode, text, section, unit, year, from), as for a search; a text too long for a
 * URL is kept on the page only. The text goes to the server by POST, so its length is never a URL's. */
'use strict';

(() => {
  const { el, clear } = RA;
  const URL_TEXT_MAX = 600;   // characters of text kept in the address (a URL carries about 8 KB)
  let generation = 0;

  function readState() {
    const p = new URLSearchParams(location.search);
    return {
      similar: p.get('mode') === 'similar',
      text: p.get('text') || '', section: p.get('section') || '', unit: p.get('unit') || '', year: p.get('year') || '',
      from: p.get('from') || ''
    };
  }

  function href(s) {
    const p = new URLSearchParams();
    p.set('mode', 'similar');
    if (s.text.trim() && Array.from(s.text.trim()).length <= URL_TEXT_MAX) p.set('text', s.text.trim());
    for (const k of ['section', 'unit', 'year', 'from']) if (s[k]) p.set(k, s[k]);
    return '?' + p.toString();
  }

  function showMode(similar) {
    document.querySelector('main').classList.toggle('mode-similar', similar);
    document.getElementById('similar-form').hidden = !similar;
    for (const a of document.querySelectorAll('.modes a')) {
      const on = (a.dataset.mode === 'similar') === similar;
      if (on) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
    }
  }

  function percent(x) {
    return Math.round(x * 100) + '%';
  }

  function renderHit(hit, n, from) {
    const origin = from && from === hit.reportId + ':' + hit.ref;
    const link = RA.reportLink(hit.reportId, hit.ref);
    const meta = el('span', { class: 'hit-meta' },
      el('span', null, hit.unit || '单位不详'),
      el('span', null, RA.yearText(hit.year)),
      hit.author ? el('span', null, hit.author) : null,
      hit.section ? el('span', null, RA.sectionLabel(hit.section)) : null,
      hit.aspect ? el('span', null, RA.aspectLabel(hit.aspect)) : null);
    const text = el('p', { class: 'snippet' }, ...RA.markRuns(hit.text, hit.shared));
    return el('li', { class: 'hit' + (origin ? ' origin' : ''), 'data-report': hit.reportId, 'data-ref': hit.ref || '' },
      el('div', { class: 'hit-head' },
        el('span', null, el('span', { class: 'hit-no' }, n + '.'),
          el('span', { class: 'similarity', title: '与所粘贴文字的相似度（0–100%）' }, '相似度 ' + percent(hit.similarity)), ' ',
          el('a', { class: 'hit-title', href: link }, hit.title || '（无标题）')),
        meta, origin ? el('span', { class: 'tag' }, '出发的这一条') : null),
      text,
      hit.matched && hit.matched.length ? el('p', { class: 'matched' }, '相同或相近的词：' + hit.matched.join('、')) : null,
      el('div', { class: 'where' }, '位置：', el('a', { href: link }, RA.refLabel(hit.ref) || '全文')));
  }

  async function run(state) {
    const mine = ++generation;
    showMode(true);
    const box = document.getElementById('similar-text');
    if (document.activeElement !== box || !box.value.trim()) box.value = state.text;
    document.getElementById('similar-section').value = state.section;
    document.title = '查相似表述 — 对照检查材料档案库';
    clear(document.getElementById('facets'));
    const body = clear(document.getElementById('result-body'));
    if (!state.text.trim()) {
      body.appendChild(el('p', { class: 'muted' }, '在上方粘贴一条问题（如巡察反馈的一条，或别的材料里的一条），点“查找相似”：列出档案中说法相近的各条，不论单位、方面和用词，最相似的在前。'));
      return;
    }
    body.setAttribute('aria-busy', 'true');
    let result;
    try {
      await RA.loadLabels();
      const ask = { text: state.text, limit: 50 };
      for (const k of ['section', 'unit', 'year']) if (state[k]) ask[k] = state[k];
      result = await RA.api('api/similar', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(ask) });
    } catch (e) {
      if (mine !== generation) return;
      body.removeAttribute('aria-busy');
      RA.showError(body, e.message);
      body.firstChild.id = 'similar-error';
      return;
    }
    if (mine !== generation) return;
    body.removeAttribute('aria-busy');
    body.appendChild(el('div', { class: 'summary' },
      el('span', { class: 'count', id: 'similar-total' }, '相近的条目 ' + result.hits.length + ' 条'),
      state.section ? el('span', { class: 'chip' }, '只看：' + RA.sectionLabel(state.section)) : null,
      state.unit ? el('span', { class: 'chip' }, '单位：' + state.unit) : null,
      state.year ? el('span', { class: 'chip' }, '年度：' + state.year) : null));
    if (state.from) {
      const [fromId, fromRef] = state.from.split(':');
      body.appendChild(el('p', { class: 'muted small' }, '查找与',
        el('a', { href: RA.reportLink(fromId, fromRef) }, '这一条（' + RA.refLabel(fromRef) + '）'),
        '说法相近的条目：按内容相似度排序，不要求用词相同。'));
    }
    if (!result.hits.length) {
      body.appendChild(el('p', { class: 'notice' }, '档案中没有说法相近的条目。可以多粘贴几句、换个说法，或取消“只看”再试。'));
      return;
    }
    const list = el('ol', { class: 'hits', id: 'similar-hits' });
    result.hits.forEach((h, i) => list.appendChild(renderHit(h, i + 1, state.from)));
    body.appendChild(list);
  }

  function go(state) {
    history.pushState(null, '', href(state));
    run(state);
  }

  document.addEventListener('DOMContentLoaded', () => {
    document.getElementById('similar-form').addEventListener('submit', e => {
      e.preventDefault();
      const current = readState();
      const text = document.getElementById('similar-text').value;
      go({ similar: true, text, section: document.getElementById('similar-section').value,
        unit: current.unit, year: current.year, from: text.trim() === current.text.trim() ? current.from : '' });
    });
    document.getElementById('similar-text').addEventListener('keydown', e => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        document.getElementById('similar-form').requestSubmit();
      }
    });
    window.addEventListener('popstate', () => { const s = readState(); if (s.similar) run(s); else showMode(false); });
    const state = readState();
    if (state.similar) run(state);
    else showMode(false);
  });
})();
