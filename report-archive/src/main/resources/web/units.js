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

  /**
   * A name with the years of its reports; 撤销合并 where the unit has several names (the server knows
   * which came in by a merge, and says so when asked to undo a name that did not).
   */
  function nameItem(u, n, several) {
    const undo = several
      ? el('button', { type: 'button', class: 'link small unmerge', 'data-name': n.name, title: '让这个名称所在的单位不再并入“' + u.unit + '”',
        onclick: () => unmerge(n.name, u.unit) }, '撤销合并')
      : null;
    return el('li', { 'data-name': n.name }, el('span', null, n.name),
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
      const pick = el('input', { type: 'checkbox', name: 'pick', value: u.unit, 'aria-label': '选择 ' + u.unit });
      pick.addEventListener('change', picked);
      const names = namesOf(u);
      body.appendChild(el('tr', { 'data-unit': u.unit },
        el('td', null, pick),
        el('td', { class: 'nowrap' }, el('a', { href: 'browse.html?unit=' + encodeURIComponent(u.unit) }, u.unit)),
        el('td', { class: 'names' }, el('ul', null, names.map(n => nameItem(u, n, names.length > 1)))),
        el('td', { class: 'num' }, String(u.reports || 0)),
        el('td', null, years(u.years))));
    }
    box.appendChild(el('table', { class: 'grid units', id: 'units' },
      el('thead', null, el('tr', null, ['', '单位', '写法（使用年度）', '材料', '年度'].map(h => el('th', { scope: 'col' }, h)))), body));
    const into = clear(document.getElementById('merge-into'));
    for (const u of units) into.appendChild(el('option', { value: u.unit }, u.unit));
    document.getElementById('merge').hidden = false;
    picked();
  }

  function pickedUnits() {
    return [...document.querySelectorAll('#units input[name=pick]:checked')].map(b => b.value);
  }

  /** The bar says how many units are picked; 合并 waits for one. */
  function picked() {
    const chosen = pickedUnits();
    document.getElementById('merge-picked').textContent = chosen.length ? '已选 ' + chosen.length + ' 个单位' : '勾选要并入其他单位的单位';
    document.getElementById('merge-go').disabled = chosen.length === 0;
  }

  async function merge(e) {
    e.preventDefault();
    const names = pickedUnits();
    const into = document.getElementById('merge-into').value;
    const message = document.getElementById('merge-message');
    message.textContent = '';
    const moving = names.filter(n => n !== into);
    if (!moving.length) {
      message.className = 'form-message error';
      message.textContent = '请勾选要并入“' + into + '”的其他单位。';
      return;
    }
    if (!window.confirm('将以下单位并入“' + into + '”：\n' + moving.join('\n') + '\n它们的各种写法此后都算作“' + into + '”，检索、对比、重复问题和查重都把它们当作同一个单位；可以撤销。')) return;
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
