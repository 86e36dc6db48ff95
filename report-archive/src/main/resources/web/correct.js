/* 更正 and 删除: what a person may change of a report (PATCH api/reports/{id}: year, unit, author, post,
 * kind, title and each block's aspect) and its removal (DELETE, admins only, after a confirmation
 * that names the report). Shared by report.js (the whole form) and review.js (year and unit in place). */
'use strict';

const Correct = (() => {
  const { el, clear } = RA;
  const FIELDS = [['title', '标题'], ['unit', '单位'], ['year', '年度'], ['author', '作者'], ['post', '职务']];
  const KINDS = [['team', '班子材料'], ['personal', '个人材料']];
  const YEAR = /^\d{4}$/;

  /**
   * Sends a correction; resolves the corrected Report, rejects with the server's Chinese sentence.
   * A year typed in the page is checked here first, so that "二〇二一" is refused with the reason.
   */
  async function patch(id, changes) {
    if (changes.year !== undefined) {
      const y = String(changes.year === null ? '' : changes.year).trim();
      if (!YEAR.test(y)) throw new RA.ApiFailure(400, '年度应为四位数字，如 2023；请改正后再保存。');
      changes = Object.assign({}, changes, { year: Number(y) });
    }
    return RA.api('api/reports/' + encodeURIComponent(id), {
      method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(changes)
    });
  }

  /** One datalist of the archive's unit names, so that a correction picks a name already in use. */
  let unitList = null;
  function unitDatalist() {
    if (unitList) return unitList;
    unitList = el('datalist', { id: 'unit-names' });
    document.body.appendChild(unitList);
    RA.api('api/units').then(units => {
      const names = new Set();
      for (const u of units || []) for (const n of [u.unit].concat(u.aliases || [])) if (n) names.add(n);
      for (const n of [...names].sort(new Intl.Collator('zh-CN').compare)) unitList.appendChild(el('option', { value: n }));
    }).catch(() => { /* without the list the field is typed by hand */ });
    return unitList;
  }

  /** The blocks whose aspect may be set: [ref, heading, aspect], in the page's ref numbering (problems/3). */
  function blocks(report) {
    const out = [];
    const seen = {};
    for (const section of report.sections || []) {
      const type = section.type || 'other';
      for (const block of section.blocks || []) {
        const b = seen[type] = (seen[type] || 0) + 1;
        if (block.heading) out.push([type + '/' + b, block.heading, block.aspect || '']);
      }
    }
    return out;
  }

  /**
   * The 更正 form for the report page: every field filled with the current (effective) value; only
   * what the person changed is sent. onSaved gets the corrected Report.
   */
  async function form(report, onSaved) {
    const m = await RA.loadLabels();
    const inputs = {};
    const rows = FIELDS.map(([key, label]) => {
      inputs[key] = el('input', {
        type: 'text', name: key, value: report[key] == null ? '' : String(report[key]),
        list: key === 'unit' ? unitDatalist().id : null, inputmode: key === 'year' ? 'numeric' : null,
        maxlength: key === 'year' ? 4 : null, class: key === 'title' ? 'wide' : null
      });
      return el('label', null, el('span', null, label), inputs[key]);
    });
    // a kind can be corrected to team or personal; 未注明 is only what the machine may leave
    const kinds = report.kind === 'team' || report.kind === 'personal' ? KINDS : [[report.kind || '', '未注明']].concat(KINDS);
    inputs.kind = el('select', { name: 'kind' }, kinds.map(([k, label]) => el('option', { value: k }, label)));
    inputs.kind.value = report.kind || '';
    rows.push(el('label', null, el('span', null, '类别'), inputs.kind));

    const aspectSelects = blocks(report).map(([ref, heading, aspect]) => {
      const select = el('select', { name: 'aspect', 'data-ref': ref, 'aria-label': heading + ' 的方面' },
        aspect ? null : el('option', { value: '' }, '（未归类）'),
        (m.aspects || []).map(a => el('option', { value: a.key }, a.label)));
      select.value = aspect;
      select.dataset.was = aspect;
      return el('label', { class: 'aspect-row' }, el('span', { class: 'ref' }, RA.refLabel(ref)),
        el('span', { class: 'heading', title: heading }, heading), select);
    });

    const message = el('p', { class: 'form-message', 'aria-live': 'polite' });
    const save = el('button', { type: 'submit', class: 'primary' }, '保存更正');
    const box = el('form', { class: 'correct-form', id: 'correct-form' },
      el('h2', null, '更正'),
      el('p', { class: 'muted small' }, '原文识别的内容保留不动；更正后以更正为准，两者都会显示，并记入审计日志。'),
      el('div', { class: 'fields' }, rows),
      aspectSelects.length ? el('details', { class: 'aspects' }, el('summary', null, '各部分归入的方面'), aspectSelects) : null,
      el('div', { class: 'toolbar' }, save, el('button', { type: 'button', onclick: () => box.remove() }, '取消'), message));

    box.addEventListener('submit', async e => {
      e.preventDefault();
      const changes = {};
      for (const [key] of FIELDS.concat([['kind']])) {
        const now = inputs[key].value.trim();
        const was = report[key] == null ? '' : String(report[key]);
        if (now !== was) changes[key] = now;   // an emptied field is refused by the server with its sentence
      }
      const aspects = {};
      for (const s of box.querySelectorAll('select[name=aspect]')) {
        if (s.value && s.value !== s.dataset.was) aspects[s.dataset.ref] = s.value;
      }
      if (Object.keys(aspects).length) changes.aspects = aspects;
      if (!Object.keys(changes).length) {
        message.className = 'form-message muted';
        message.textContent = '没有改动。';
        return;
      }
      save.disabled = true;
      try {
        const corrected = await patch(report.id, changes);
        box.remove();
        onSaved(corrected);
      } catch (err) {
        message.className = 'form-message error';
        message.textContent = err.message;
      } finally {
        save.disabled = false;
      }
    });
    return box;
  }

  /** The report as a confirmation names it: 《title》, its unit and year. */
  function describe(r) {
    return '《' + (r.title || r.filename || '无标题') + '》\n单位：' + (r.unit || '未注明') + '　年度：' + RA.yearText(r.year);
  }

  /** 删除 for admins: asks with the report's title, unit and year, then goes to 浏览 saying what was removed. */
  function deleteButton(report) {
    const button = el('button', { type: 'button', class: 'danger', id: 'delete' }, '删除');
    button.addEventListener('click', async () => {
      if (!window.confirm('确定要删除这份材料吗？\n' + describe(report) + '\n原件、检索索引和查重结果中的这份材料都将移除，无法恢复。')) return;
      button.disabled = true;
      try {
        await RA.api('api/reports/' + encodeURIComponent(report.id), { method: 'DELETE' });
      } catch (err) {
        button.disabled = false;
        window.alert(err.message);
        return;
      }
      try {
        sessionStorage.setItem('ra.flash', '已删除：' + describe(report).replace(/\n/g, '　'));
      } catch (e) { /* storage off: the list shows without the notice */ }
      location.href = 'browse.html';
    });
    return button;
  }

  return { patch, form, deleteButton, unitDatalist, KINDS };
})();
