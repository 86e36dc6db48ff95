/* 待核对: the reports with warnings (from the summaries of GET api/reports), each with its year and
 * unit correctable in place; a report whose warnings are all settled leaves the list. */
'use strict';

(() => {
  const { el, clear } = RA;
  const collator = new Intl.Collator('zh-CN');
  let queue = [];
  let canFix = false;

  const codes = r => (r.warnings || []).map(w => w.code);

  function warningCell(r) {
    return el('td', { class: 'warn' }, el('ul', null, (r.warnings || []).map(w =>
      el('li', { 'data-code': w.code, title: w.message || '' }, RA.warningLabel(w.code)))));
  }

  /** Year and unit, filled with what is known, saved with one PATCH of what changed. */
  function fixCell(r, row) {
    const year = el('input', { type: 'text', class: 'year', name: 'year', value: r.year ? String(r.year) : '', placeholder: '年度',
      inputmode: 'numeric', maxlength: 4, 'aria-label': '年度' });
    const unit = el('input', { type: 'text', class: 'unit', name: 'unit', value: r.unit || '', placeholder: '单位',
      list: Correct.unitDatalist().id, 'aria-label': '单位' });
    const message = el('span', { class: 'form-message', 'aria-live': 'polite' });
    const save = el('button', { type: 'submit', class: 'primary' }, '保存');
    const form = el('form', { class: 'inline-fix' }, year, unit, save, message);
    form.addEventListener('submit', async e => {
      e.preventDefault();
      const changes = {};
      if (year.value.trim() !== (r.year ? String(r.year) : '')) changes.year = year.value.trim();
      if (unit.value.trim() !== (r.unit || '')) changes.unit = unit.value.trim();
      if (!Object.keys(changes).length) {
        message.className = 'form-message muted';
        message.textContent = '没有改动。';
        return;
      }
      save.disabled = true;
      try {
        const corrected = await Correct.patch(r.id, changes);
        settled(r, corrected, row);
      } catch (err) {
        message.className = 'form-message error';
        message.textContent = err.message;
        save.disabled = false;
      }
    });
    return el('td', null, form);
  }

  /** After a correction: out of the list when nothing is left to check, else the row shows what is. */
  function settled(old, corrected, row) {
    const title = corrected.title || corrected.filename || '（无标题）';
    const i = queue.findIndex(r => r.id === old.id);
    if (!(corrected.warnings || []).length) {
      if (i >= 0) queue.splice(i, 1);
      row.remove();
      clear(document.getElementById('flash')).appendChild(el('p', { class: 'flash' }, '《' + title + '》已更正，移出待核对。'));
    } else {
      const summary = Object.assign({}, old, corrected);
      if (i >= 0) queue[i] = summary;
      row.replaceWith(renderRow(summary));
    }
    count();
  }

  function renderRow(r) {
    const row = el('tr', { 'data-id': r.id },
      el('td', { class: 'nowrap' }, r.unit || el('span', { class: 'muted' }, '未注明')),
      el('td', { class: 'num' }, r.year ? String(r.year) : el('span', { class: 'muted' }, '未注明')),
      el('td', { class: 'title' }, el('a', { href: RA.reportLink(r.id) }, r.title || r.filename || '（无标题）'),
        el('div', { class: 'muted small' }, r.filename || '')),
      warningCell(r));
    if (canFix) row.appendChild(fixCell(r, row));
    return row;
  }

  function shown() {
    const code = document.getElementById('f-code').value;
    return queue.filter(r => !code || codes(r).includes(code));
  }

  function count() {
    const n = shown().length;
    document.getElementById('count').textContent = '共 ' + n + ' 份' + (n !== queue.length ? '（待核对共 ' + queue.length + ' 份）' : '');
    if (!queue.length) {
      clear(document.getElementById('review-body')).appendChild(el('p', { class: 'notice' }, '没有待核对的材料。'));
    }
  }

  function render() {
    const box = clear(document.getElementById('review-body'));
    const list = shown();
    count();
    if (!list.length) {
      if (queue.length) box.appendChild(el('p', { class: 'notice' }, '没有这类问题的材料。'));
      return;
    }
    const heads = ['单位', '年度', '标题', '待核对'].concat(canFix ? ['更正年度、单位'] : []);
    box.appendChild(el('table', { class: 'grid reports', id: 'queue' },
      el('thead', null, el('tr', null, heads.map(h => el('th', { scope: 'col' }, h)))),
      el('tbody', null, list.map(renderRow))));
  }

  document.addEventListener('DOMContentLoaded', async () => {
    let all;
    try {
      const [s, list] = await Promise.all([RA.session(), RA.api('api/reports')]);
      canFix = RA.mayCorrect(s);
      all = list || [];
    } catch (e) {
      RA.showError(document.getElementById('review-body'), e.message);
      return;
    }
    queue = all.filter(r => (r.warnings || []).length)
      .sort((a, b) => collator.compare(a.unit || '', b.unit || '') || (a.year || 0) - (b.year || 0));
    const present = [...new Set(queue.flatMap(codes))];
    const select = document.getElementById('f-code');
    for (const c of present) select.appendChild(el('option', { value: c }, RA.warningLabel(c)));
    const wanted = new URLSearchParams(location.search).get('code');
    if (wanted && present.includes(wanted)) select.value = wanted;
    select.addEventListener('change', render);
    render();
  });
})();
