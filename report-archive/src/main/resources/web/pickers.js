/* 对比 and 重复问题: choosing a unit and whose reports (the team's, or one person's) from the archive's
 * summaries, and the years those reports cover. Shared by compare.js and repeats.js. A report's unit is
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

  function fillUnits(select, list, selected) {
    fill(select, units(list).map(u => [u, u]), shown(selected) || units(list)[0] || '');
    for (const option of select.options) {
      const names = (namesOf.get(option.value) || []).filter(n => n !== option.value);
      if (names.length) option.title = '又称：' + names.join('、');
    }
  }

  function fillAuthors(select, list, unit, selected) {
    fill(select, [['', '领导班子']].concat(authors(list, unit).map(a => [a, a + '（个人）'])), selected || '');
  }

  return { units, authors, reportsOf, years, fill, fillUnits, fillAuthors, loadUnits, shown };
})();
