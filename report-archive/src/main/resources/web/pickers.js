/* 对比, 重复问题 and 查重: choosing a unit and whose reports (the team's, or one person's), and the years
 * those reports cover. The units come from the unit directory and a unit's reports from the server
 * (api/reports?unit=), one unit at a time; a search box finds any report on the server as one types
 * (unit, year, author, title: api/reports/page?text=), so no page loads every report. A report's unit is
 * already the name its unit is shown under; the unit directory (api/units) maps any other name of it
 * (a link with ?unit=中共临江县财政局党组) to that one, and gives each option its names as a tooltip. */
'use strict';

const Pick = (() => {
  const { el, clear } = RA;
  const collator = new Intl.Collator('zh-CN');
  /** Every name of a unit (and the name shown) to the name shown; every unit's names, for tooltips. */
  let shownAs = new Map();
  let namesOf = new Map();

  /** Reads the unit directory; without it (an older server) names are taken as they are. */
  async function loadUnits() {
    try {
      const units = await RA.api('api/units');
      shownAs = new Map();
      namesOf = new Map();
      for (const u of units) {
        shownAs.set(u.unit, u.unit);
        for (const a of u.aliases || []) shownAs.set(a, u.unit);
        namesOf.set(u.unit, u.aliases || []);
      }
    } catch (e) {
      shownAs = new Map();
    }
  }

  /** The name a unit is shown under, for any of its names (spaces inside ignored, as the archive does). */
  function shown(name) {
    if (!name) return name;
    return shownAs.get(name) || shownAs.get(name.replace(/\s+/g, '')) || name;
  }

  /** The units of the directory, by the name shown, in collation order. */
  function directoryUnits() {
    return [...namesOf.keys()].sort(collator.compare);
  }

  /** The reports of one unit (any of its names), from the server. */
  async function unitReports(unit) {
    return unit ? RA.api('api/reports?unit=' + encodeURIComponent(unit)) : [];
  }

  /** How a found report reads in a list: unit, year, whose, title. */
  function label(r) {
    return [r.unit || '（未注明单位）', r.year ? r.year + '年' : '', r.author || (r.kind === 'team' ? '班子' : '')]
      .filter(Boolean).join(' ') + ' — ' + (r.title || r.filename || '');
  }

  /**
   * A search box that asks the server for reports as one types (every word must stand in the unit,
   * year, author or title) and lists the first 20 under it; choosing one calls onPick(report).
   */
  function finder(input, onPick) {
    const results = el('ul', { class: 'finder-results', id: input.id + '-results', role: 'listbox' });
    input.setAttribute('aria-controls', results.id);
    input.after(results);
    let typing = 0;
    let asked = 0;
    const show = (list, total) => {
      clear(results);
      for (const r of list) {
        results.appendChild(el('li', null, el('button', { type: 'button', 'data-id': r.id, onclick: () => {
          clear(results);
          input.value = '';
          onPick(r);
        } }, label(r))));
      }
      if (total > list.length) results.appendChild(el('li', { class: 'muted small' }, '另有 ' + (total - list.length) + ' 份，请再输入一些字缩小范围'));
      if (!total) results.appendChild(el('li', { class: 'muted small' }, '没有找到这样的材料'));
    };
    input.addEventListener('input', () => {
      clearTimeout(typing);
      const text = input.value.trim();
      if (!text) {
        clear(results);
        return;
      }
      typing = setTimeout(async () => {
        const mine = ++asked;
        try {
          const page = await RA.api('api/reports/page?size=20&text=' + encodeURIComponent(text));
          if (mine === asked) show(page.reports, page.total);
        } catch (e) {
          if (mine === asked) {
            clear(results).appendChild(el('li', { class: 'error' }, e.message));
          }
        }
      }, 200);
    });
    input.addEventListener('keydown', e => {
      if (e.key === 'Enter') {
        e.preventDefault();
        const first = results.querySelector('button');
        if (first) first.click();
      }
    });
    return results;
  }

  function units(list) {
    return [...new Set(list.map(r => r.unit).filter(Boolean))].sort(collator.compare);
  }

  function authors(list, unit) {
    return [...new Set(list.filter(r => r.unit === unit && r.author).map(r => r.author))].sort(collator.compare);
  }

  /** The reports of a unit that belong to the team ('' as author) or to one person. */
  function reportsOf(list, unit, author) {
    return list.filter(r => r.unit === unit && (author ? r.author === author : !r.author));
  }

  function years(list, unit, author) {
    return [...new Set(reportsOf(list, unit, author).map(r => r.year).filter(Boolean))].sort((a, b) => a - b);
  }

  /** Options [value, label]; keeps a selected value even when the list lacks it (a link to something deleted). */
  function fill(select, options, selected) {
    clear(select);
    for (const [value, label] of options) select.appendChild(el('option', { value }, label));
    if (selected && !options.some(([v]) => String(v) === String(selected))) {
      select.appendChild(el('option', { value: selected }, selected));
    }
    select.value = selected == null ? '' : String(selected);
    if (select.selectedIndex < 0 && select.options.length) select.selectedIndex = 0;
  }

  /** The units of the list given, or of the directory when list is null. */
  function fillUnits(select, list, selected) {
    const names = list ? units(list) : directoryUnits();
    fill(select, names.map(u => [u, u]), shown(selected) || names[0] || '');
    for (const option of select.options) {
      const names = (namesOf.get(option.value) || []).filter(n => n !== option.value);
      if (names.length) option.title = '又称：' + names.join('、');
    }
  }

  function fillAuthors(select, list, unit, selected) {
    fill(select, [['', '领导班子']].concat(authors(list, unit).map(a => [a, a + '（个人）'])), selected || '');
  }

  return { units, authors, reportsOf, years, fill, fillUnits, fillAuthors, loadUnits, shown, directoryUnits, unitReports,
    finder, label };
})();
