/* 单位: the unit directory (GET api/units): each unit's names and the years each was used; names
 * merged into one unit (POST api/units/merge) after a confirmation, and a merge undone (POST api/units/unmerge). */
'use strict';

(() => {
  const { el, clear } = RA;
  const collator = new Intl.Collator('zh-CN');
  let units = [];

  const years = list => (list || []).length ? list.map(y => y + '年').join('、') : '年度不详';

  /** The names of a unit with the years each was used; a unit without that list has its aliases alone. */
  function namesOf(u) {
    if (u.names && u.names.length) return u.names;
    return [...new Set([u.unit].concat(u.aliases || []))].map(name => ({ name, years: null, reports: null }));
  }

  function post(path, body) {
    return RA.api(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  }

  function flash(text, error) {
    clear(document.getElementById('flash')).appendChild(el('p', { class: error ? 'error' : 'flash', role: error ? 'alert' : null }, text));
  }

  async function unmerge(name, unit) {
    if (!window.confirm('撤销合并：让“' + name + '”不再算作“' + unit + '”？\n此后它的材料按原名称单独列出。')) return;
    try {
      await post('api/units/unmerge', { name });
      flash('已撤销：“' + name + '”不再并入“' + unit + '”。');
    } catch (e) {
      flash(e.message, true);
    }
    load();
  }

  function nameItem(u, n) {
    const box = el('input', { type: 'checkbox', name: 'pick', value: n.name, 'aria-label': '选择名称 ' + n.name });
    box.addEventListener('change', picked);
    const undo = n.name !== u.unit && namesOf(u).length > 1
      ? el('button', { type: 'button', class: 'link small unmerge', 'data-name': n.name, onclick: () => unmerge(n.name, u.unit) }, '撤销合并')
      : null;
    return el('li', { 'data-name': n.name }, el('label', null, box, ' ', n.name),
      n.years ? el('span', { class: 'years' }, years(n.years) + (n.reports != null ? '，' + n.reports + ' 份' : '')) : null, undo);
  }

  function render() {
    const box = clear(document.getElementById('units-body'));
    if (!units.length) {
      box.appendChild(el('p', { class: 'notice' }, '档案库中还没有注明单位的材料。'));
      document.getElementById('merge').hidden = true;
      return;
    }
    const body = el('tbody');
    for (const u of units) {
      body.appendChild(el('tr', { 'data-unit': u.unit },
        el('td', { class: 'nowrap' }, el('a', { href: 'browse.html?unit=' + encodeURIComponent(u.unit) }, u.unit)),
        el('td', { class: 'names' }, el('ul', null, namesOf(u).map(n => nameItem(u, n)))),
        el('td', { class: 'num' }, String(u.reports || 0)),
        el('td', null, years(u.years))));
    }
    box.appendChild(el('table', { class: 'grid units', id: 'units' },
      el('thead', null, el('tr', null, ['单位', '名称（使用年度）', '材料', '年度'].map(h => el('th', { scope: 'col' }, h)))), body));
    const into = clear(document.getElementById('merge-into'));
    for (const u of units) into.appendChild(el('option', { value: u.unit }, u.unit));
    document.getElementById('merge').hidden = false;
    picked();
  }

  function pickedNames() {
    return [...document.querySelectorAll('#units input[name=pick]:checked')].map(b => b.value);
  }

  /** The bar says how many names are picked; 合并 waits for one. */
  function picked() {
    const names = pickedNames();
    document.getElementById('merge-picked').textContent = names.length ? '已选 ' + names.length + ' 个名称' : '勾选要合并的名称';
    document.getElementById('merge-go').disabled = names.length === 0;
  }

  async function merge(e) {
    e.preventDefault();
    const names = pickedNames();
    const into = document.getElementById('merge-into').value;
    const message = document.getElementById('merge-message');
    message.textContent = '';
    const moving = names.filter(n => n !== into);
    if (!moving.length) {
      message.className = 'form-message error';
      message.textContent = '请勾选要并入“' + into + '”的其他名称。';
      return;
    }
    if (!window.confirm('将以下名称并入“' + into + '”：\n' + moving.join('\n') + '\n此后检索、对比、重复问题和查重都把它们当作同一个单位；可以撤销。')) return;
    try {
      const unit = await post('api/units/merge', { names: moving, into });
      flash('已合并：' + moving.join('、') + ' 并入“' + (unit && unit.unit || into) + '”。');
    } catch (err) {
      message.className = 'form-message error';
      message.textContent = err.message;
      return;
    }
    load();
  }

  async function load() {
    try {
      units = (await RA.api('api/units')) || [];
    } catch (e) {
      RA.showError(document.getElementById('units-body'), e.message);
      return;
    }
    units.sort((a, b) => collator.compare(a.unit || '', b.unit || ''));
    render();
  }

  document.addEventListener('DOMContentLoaded', () => {
    document.getElementById('merge').addEventListener('submit', merge);
    load();
  });
})();
