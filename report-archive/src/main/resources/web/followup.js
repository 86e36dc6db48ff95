/* 材料, what the archive knows beyond the report: each measure's fate in the next year's archived
 * report (已报告落实 / 问题再次出现 / 未见下文, with the passage that shows it) and the check of the
 * numbers its rectification section claims against the year before. Drawn into the page report.js
 * has built, when it says so (the report-shown event); GET api/reports/{id}/followup. */
'use strict';

(() => {
  const { el } = RA;
  const HINT = {
    reported: '下一年材料的整改落实情况写到了这条措施',
    recurred: '这条措施针对的问题，下一年又被查摆出来',
    'no-trace': '下一年材料既没有报告它的落实，它针对的问题也没有再出现'
  };
  let shownFor = 0;

  function fateBox(f, next) {
    const proofs = (f.evidence || []).map(e => el('div', { class: 'evidence' },
      el('span', { class: 'muted' }, f.status === 'reported' ? '落实情况：' : '再次出现：'),
      el('a', { class: 'ref', href: RA.reportLink(next.reportId, e.ref) }, next.year + '年 ' + e.location), '　',
      el('span', null, e.text)));
    return el('div', { class: 'followup', 'data-status': f.status },
      el('span', { class: 'status ' + f.status, title: HINT[f.status] || '' }, f.label),
      el('span', { class: 'muted small' }, '（据' + next.year + '年材料）'),
      proofs.length ? el('div', { class: 'evidence-list' }, proofs) : null);
  }

  function drawFates(f) {
    const part = document.querySelector('section.part[data-type=measures]');
    if (!f.next) {
      if (part) part.querySelector('h2').after(el('p', { class: 'muted small followup-note', id: 'followup-note' }, f.nextNote));
      return;
    }
    if (part) part.querySelector('h2').after(el('p', { class: 'muted small followup-note', id: 'followup-note' },
      '每条措施后标出它在下一年材料中的下文：' + f.nextNote));
    for (const fate of f.measures) {
      const node = document.getElementById(fate.ref);
      if (!node) continue;
      const box = fateBox(fate, f.next);
      if (node.tagName === 'LI') node.appendChild(box);
      else node.after(box);
    }
  }

  function drawClaims(c) {
    const box = el('div', { class: 'claim-check', id: 'claim-check', role: 'note' },
      el('span', { class: 'review-mark' }, '数字核对'), el('span', { id: 'claim-sentence' }, c.sentence));
    if (c.doubts && c.doubts.length) box.appendChild(el('ul', { class: 'doubts' }, c.doubts.map(d => el('li', null, d))));
    if (c.previous) {
      box.appendChild(el('a', { class: 'small', href: RA.reportLink(c.previous.reportId) }, '查看' + c.previous.year + '年材料'));
    }
    const part = document.querySelector('section.part[data-type=rectification]');
    if (part) part.querySelector('h2').after(box);
    else if (c.previous) document.querySelector('#report .actions').after(box);
  }

  document.addEventListener('report-shown', async e => {
    const mine = ++shownFor;
    const r = e.detail;
    let f;
    try {
      f = await RA.api('api/reports/' + encodeURIComponent(r.id) + '/followup');
    } catch (err) {
      return; // the report itself is on the page; its follow-up is extra
    }
    if (mine !== shownFor) return;
    for (const old of document.querySelectorAll('.followup, .followup-note, #claim-check')) old.remove();
    drawFates(f);
    drawClaims(f.claims);
  });
})();
