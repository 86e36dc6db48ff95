/* 浏览: the archive as a unit × year overview and as a list, both read from the server a page at a time
 * (api/reports/grid pages units, api/reports/page pages reports, with the sort asked for), so the page
 * never loads every report. The filter, the sort and the pages are kept in the URL. */
'use strict';

(() => {
  const { el, clear } = RA;
  const NONE = '（未注明单位）';
  const LIST_SIZE = 50;
  const GRID_SIZE = 30;
  const KEYS = ['unit', 'year', 'text', 'warn', 'sort', 'order', 'page', 'gpage', 'size'];
  let generation = 0;

  const unitOf = r => r.unit || NONE;
  const field = id => document.getElementById(id);

  function readState() {
    const p = new URLSearchParams(location.search);
    const s = {};
    for (const k of KEYS) s[k] = p.get(k) || '';
    if (s.warn !== '1') s.warn = '';
    return s;
  }

  function writeState(s) {
    const p = new URLSearchParams();
    for (const k of KEYS) if (s[k] && !(k === 'sort' && s[k] === 'unit') && !(k === 'order' && s[k] === 'asc')
      && !((k === 'page' || k === 'gpage') && s[k] === '1')) p.set(k, s[k]);
    const qs = p.toString();
    history.replaceState(null, '', qs ? '?' + qs : location.pathname);
  }

  /** The filters as the server's parameters (sort and page added by the caller). */
  function filterParams(s) {
    const p = new URLSearchParams();
    for (const k of ['unit', 'year', 'text', 'warn']) if (s[k]) p.set(k, s[k]);
    return p;
  }

  function shortName(r) {
    if (r.kind === 'team') return '班子';
    return r.author || '材料';
  }

  function pager(id, page, pages, go) {
    if (pages <= 1) return null;
    return el('nav', { class: 'pager', id, 'aria-label': '翻页' },
      el('button', { type: 'button', class: 'prev', disabled: page <= 1 ? '' : null, onclick: () => go(page - 1) }, '上一页'),
      el('span', { class: 'muted' }, ' 第 ' + page + ' / ' + pages + ' 页 '),
      el('button', { type: 'button', class: 'next', disabled: page >= pages ? '' : null, onclick: () => go(page + 1) }, '下一页'));
  }

  function matrix(grid) {
    const years = grid.years;
    const head = el('tr', null, el('th', { class: 'unit', scope: 'col' }, '单位'),
      years.map(y => el('th', { scope: 'col' }, y ? y + '年' : '年度不详')));
    const body = el('tbody');
    for (const row of grid.rows) {
      const tr = el('tr', null, el('td', { class: 'unit' }, row.unit || NONE));
      for (const y of years) {
        const cell = row.years[String(y)] || [];
        tr.appendChild(el('td', null, cell.length
          ? cell.map(r => el('a', { href: RA.reportLink(r.id), title: r.title || '' }, shortName(r)))
          : el('span', { class: 'muted' }, '—')));
      }
      body.appendChild(tr);
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

  function formState(keepPages) {
    const s = {
      unit: field('f-unit').value,
      year: field('f-year').value,
      text: field('f-text').value.trim(),
      warn: field('f-warn').checked ? '1' : '',
      sort: field('f-sort').value,
      order: field('f-order').value,
      page: '', gpage: '', size: readState().size
    };
    if (keepPages) {
      const now = readState();
      s.page = now.page;
      s.gpage = now.gpage;
    }
    return s;
  }

  async function render(s) {
    writeState(s);
    const mine = ++generation;
    const filters = filterParams(s);
    const page = Math.max(1, parseInt(s.page, 10) || 1);
    // rows a page: 50, or what the URL asks for (up to the server's 500)
    const size = Math.min(500, Math.max(1, parseInt(s.size, 10) || LIST_SIZE));
    const gpage = Math.max(1, parseInt(s.gpage, 10) || 1);
    const listQuery = new URLSearchParams(filters);
    listQuery.set('sort', s.sort || 'unit');
    listQuery.set('order', s.order || 'asc');
    listQuery.set('page', page);
    listQuery.set('size', size);
    const gridQuery = new URLSearchParams(filters);
    gridQuery.set('page', gpage);
    gridQuery.set('size', GRID_SIZE);
    let list;
    let grid;
    try {
      [list, grid] = await Promise.all([RA.api('api/reports/page?' + listQuery), RA.api('api/reports/grid?' + gridQuery)]);
    } catch (e) {
      if (mine === generation) RA.showError(clear(field('browse-body')), e.message);
      return;
    }
    if (mine !== generation) return;
    const box = clear(field('browse-body'));
    const filtered = [...filters.keys()].length > 0;
    field('count').textContent = '共 ' + list.total + ' 份' + (filtered ? '（已筛选）' : '');
    if (!list.total) {
      box.appendChild(filtered
        ? el('p', { class: 'notice' }, '没有符合筛选条件的材料。')
        : el('p', { class: 'notice' }, '档案库还是空的。请到“', el('a', { href: 'upload.html' }, '导入'), '”页上传材料。'));
      return;
    }
    const exportBase = 'api/reports/export?' + new URLSearchParams([...listQuery].filter(([k]) => k !== 'page' && k !== 'size'));
    box.appendChild(el('h2', null, '按单位和年度'));
    box.appendChild(el('p', { class: 'muted small' }, '共 ' + grid.units + ' 个单位'));
    box.appendChild(matrix(grid));
    const gridPages = Math.ceil(grid.units / GRID_SIZE);
    const gp = pager('grid-pager', gpage, gridPages, n => render(Object.assign(readState(), { gpage: String(n) })));
    if (gp) box.appendChild(gp);
    box.appendChild(el('h2', null, '材料清单',
      el('span', { class: 'exports no-print' },
        el('a', { id: 'export-xlsx', href: exportBase + '&format=xlsx', download: true }, '导出 Excel'),
        el('a', { id: 'export-csv', href: exportBase + '&format=csv', download: true }, '导出 CSV'))));
    box.appendChild(table(list.reports));
    const pages = Math.ceil(list.total / size);
    const lp = pager('pager', page, pages, n => render(Object.assign(readState(), { page: String(n) })));
    if (lp) box.appendChild(lp);
  }

  function fillSelect(select, values, label, selected) {
    const keep = select.firstElementChild;
    clear(select).appendChild(keep);
    for (const v of values) select.appendChild(el('option', { value: v }, label(v)));
    if (selected && !values.includes(selected)) select.appendChild(el('option', { value: selected }, label(selected)));
    select.value = selected;
  }

  document.addEventListener('DOMContentLoaded', async () => {
    const s = readState();
    field('f-text').value = s.text;
    field('f-warn').checked = !!s.warn;
    field('f-sort').value = ['unit', 'year', 'imported'].includes(s.sort) ? s.sort : 'unit';
    field('f-order').value = s.order === 'desc' ? 'desc' : 'asc';
    let flash = null;
    try {
      flash = sessionStorage.getItem('ra.flash');
      sessionStorage.removeItem('ra.flash');
    } catch (e) { /* storage off */ }
    if (flash) field('filters').before(el('p', { class: 'flash', id: 'flash' }, flash));
    try {
      // the units from the unit directory, the years from the grid: neither needs the list of reports
      const [units, grid] = await Promise.all([RA.api('api/units').catch(() => []), RA.api('api/reports/grid?size=1')]);
      const collator = new Intl.Collator('zh-CN');
      fillSelect(field('f-unit'), units.map(u => u.unit).sort(collator.compare), v => v, s.unit);
      fillSelect(field('f-year'), grid.years.filter(Boolean).map(String).reverse(), v => v + '年', s.year);
    } catch (e) {
      RA.showError(field('browse-body'), e.message);
      return;
    }
    for (const id of ['f-unit', 'f-year', 'f-warn', 'f-sort', 'f-order']) field(id).addEventListener('change', () => render(formState(false)));
    let typing = 0;
    field('f-text').addEventListener('input', () => {
      clearTimeout(typing);
      typing = setTimeout(() => render(formState(false)), 250);
    });
    field('filters').addEventListener('submit', e => { e.preventDefault(); render(formState(false)); });
    render(formState(true));
  });
})();
