/* 浏览: every report, as a unit × year overview and as a list, filtered in the page (the filter is kept in the URL). */
'use strict';

(() => {
  const { el, clear } = RA;
  const NONE = '（未注明单位）';
  let all = [];

  const unitOf = r => r.unit || NONE;
  const collator = new Intl.Collator('zh-CN');

  function readFilter() {
    const p = new URLSearchParams(location.search);
    return { unit: p.get('unit') || '', year: p.get('year') || '', text: p.get('text') || '', warn: p.get('warn') === '1' ? '1' : '' };
  }

  function writeFilter(f) {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(f)) if (v) p.set(k, v);
    const qs = p.toString();
    history.replaceState(null, '', qs ? '?' + qs : location.pathname);
  }

  function matches(r, f) {
    if (f.unit && unitOf(r) !== f.unit) return false;
    if (f.year && String(r.year || '') !== f.year) return false;
    if (f.warn && !(r.warnings || []).length) return false;
    if (f.text) {
      const hay = [r.title, r.author, r.post, r.filename, r.unit].filter(Boolean).join(' ').toLowerCase();
      if (!f.text.toLowerCase().split(/\s+/).filter(Boolean).every(w => hay.includes(w))) return false;
    }
    return true;
  }

  function order(a, b) {
    return collator.compare(unitOf(a), unitOf(b)) || (a.year || 0) - (b.year || 0)
      || (a.kind === 'team' ? 0 : 1) - (b.kind === 'team' ? 0 : 1)
      || collator.compare(a.author || '', b.author || '');
  }

  function shortName(r) {
    if (r.kind === 'team') return '班子';
    return r.author || '材料';
  }

  function matrix(list) {
    const units = [...new Set(list.map(unitOf))].sort(collator.compare);
    const years = [...new Set(list.map(r => r.year || 0))].sort((a, b) => a - b);
    const head = el('tr', null, el('th', { class: 'unit', scope: 'col' }, '单位'),
      years.map(y => el('th', { scope: 'col' }, y ? y + '年' : '年度不详')));
    const body = el('tbody');
    for (const u of units) {
      const row = el('tr', null, el('td', { class: 'unit' }, u));
      for (const y of years) {
        const cell = list.filter(r => unitOf(r) === u && (r.year || 0) === y);
        row.appendChild(el('td', null, cell.length
          ? cell.map(r => el('a', { href: RA.reportLink(r.id), title: r.title || '' }, shortName(r)))
          : el('span', { class: 'muted' }, '—')));
      }
      body.appendChild(row);
    }
    return el('table', { class: 'grid matrix', id: 'matrix' }, el('thead', null, head), body);
  }

  function table(list) {
    const body = el('tbody');
    for (const r of list) {
      body.appendChild(el('tr', { 'data-id': r.id },
        el('td', { class: 'nowrap' }, unitOf(r)),
        el('td', { class: 'num' }, r.year ? String(r.year) : '—'),
        el('td', { class: 'title' }, el('a', { href: RA.reportLink(r.id) }, r.title || r.filename || '（无标题）'),
          (r.warnings || []).length ? el('span', { class: 'review-mark', title: r.warnings.map(w => RA.warningLabel(w.code)).join('；') }, '待核对') : null,
          r.ocr ? el('span', { class: 'ocr-mark' }, '识别自扫描件') : null),
        el('td', null, [r.post, r.author].filter(Boolean).join(' ') || el('span', { class: 'muted' }, '—')),
        el('td', { class: 'nowrap' }, [RA.kindLabel(r.kind), r.meeting].filter(Boolean).join('·')),
        el('td', null, el('a', { href: 'api/reports/' + encodeURIComponent(r.id) + '/original', download: r.filename || true,
          title: '下载原件' }, r.filename || '原件'))));
    }
    return el('table', { class: 'grid reports', id: 'reports' },
      el('thead', null, el('tr', null, ['单位', '年度', '标题', '作者', '类别', '原件'].map(h => el('th', { scope: 'col' }, h)))),
      body);
  }

  function fillSelect(select, values, label, selected) {
    const keep = select.firstElementChild;
    clear(select).appendChild(keep);
    for (const v of values) select.appendChild(el('option', { value: v }, label(v)));
    if (selected && !values.includes(selected)) select.appendChild(el('option', { value: selected }, label(selected)));
    select.value = selected;
  }

  function render() {
    const f = {
      unit: document.getElementById('f-unit').value,
      year: document.getElementById('f-year').value,
      text: document.getElementById('f-text').value.trim(),
      warn: document.getElementById('f-warn').checked ? '1' : ''
    };
    writeFilter(f);
    const list = all.filter(r => matches(r, f)).sort(order);
    const box = clear(document.getElementById('browse-body'));
    document.getElementById('count').textContent = '共 ' + list.length + ' 份' + (list.length !== all.length ? '（全部 ' + all.length + ' 份）' : '');
    if (!all.length) {
      box.appendChild(el('p', { class: 'notice' }, '档案库还是空的。请到“', el('a', { href: 'upload.html' }, '导入'), '”页上传材料。'));
      return;
    }
    if (!list.length) {
      box.appendChild(el('p', { class: 'notice' }, '没有符合筛选条件的材料。'));
      return;
    }
    box.appendChild(el('h2', null, '按单位和年度'));
    box.appendChild(matrix(list));
    box.appendChild(el('h2', null, '材料清单'));
    box.appendChild(table(list));
  }

  document.addEventListener('DOMContentLoaded', async () => {
    const f = readFilter();
    document.getElementById('f-text').value = f.text;
    document.getElementById('f-warn').checked = !!f.warn;
    let flash = null;
    try {
      flash = sessionStorage.getItem('ra.flash');
      sessionStorage.removeItem('ra.flash');
    } catch (e) { /* storage off */ }
    if (flash) document.getElementById('filters').before(el('p', { class: 'flash', id: 'flash' }, flash));
    try {
      all = await RA.api('api/reports');
    } catch (e) {
      RA.showError(document.getElementById('browse-body'), e.message);
      return;
    }
    fillSelect(document.getElementById('f-unit'), [...new Set(all.map(unitOf))].sort(collator.compare), v => v, f.unit);
    fillSelect(document.getElementById('f-year'), [...new Set(all.filter(r => r.year).map(r => String(r.year)))].sort().reverse(),
      v => v + '年', f.year);
    for (const id of ['f-unit', 'f-year', 'f-warn']) document.getElementById(id).addEventListener('change', render);
    document.getElementById('f-text').addEventListener('input', render);
    document.getElementById('filters').addEventListener('submit', e => { e.preventDefault(); render(); });
    render();
  });
})();
