/* 对比 and 重复问题: choosing a unit and whose reports (the team's, or one person's) from the archive's
 * summaries, and the years those reports cover. Shared by compare.js and repeats.js. */
'use strict';

const Pick = (() => {
  const { el, clear } = RA;
  const collator = new Intl.Collator('zh-CN');

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
    fill(select, units(list).map(u => [u, u]), selected || units(list)[0] || '');
  }

  function fillAuthors(select, list, unit, selected) {
    fill(select, [['', '领导班子']].concat(authors(list, unit).map(a => [a, a + '（个人）'])), selected || '');
  }

  return { units, authors, reportsOf, years, fill, fillUnits, fillAuthors };
})();
