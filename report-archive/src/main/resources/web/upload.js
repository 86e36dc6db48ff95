/* 导入: drop or choose files; each is first read (POST api/reports/preview) to pre-fill title, unit,
 * year, author and kind; the user corrects them and starts the import (POST api/reports), one progress
 * bar and one outcome per file, saying what was read (N 条问题, M 条措施, the warnings). Unit and year
 * are required. Only fields the user changed or filled in are sent, so what the file says stays the
 * file's own. */
'use strict';

(() => {
  const { el, clear } = RA;
  const PARALLEL = 2;
  const entries = [];
  let maxBytes = 0;

  const STATUS_TEXT = {
    waiting: '等待读取', reading: '正在读取…', ready: '待导入', uploading: '正在上传…', processing: '正在解析入库…',
    imported: '已导入', duplicate: '重复', failed: '失败'
  };

  /** POST multipart with upload progress (fetch cannot report it), with the session's CSRF token. Resolves {status, body}. */
  async function post(url, form, onProgress, onSent) {
    const token = await RA.csrfHeaders();
    return new Promise(resolve => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', url);
      xhr.setRequestHeader('Accept', 'application/json');
      for (const [k, v] of Object.entries(token)) xhr.setRequestHeader(k, v);
      xhr.responseType = 'text';
      xhr.upload.onprogress = e => { if (e.lengthComputable && onProgress) onProgress(e.loaded / e.total); };
      xhr.upload.onload = () => { if (onSent) onSent(); };
      xhr.onload = () => {
        if (xhr.status === 401) RA.toLogin();
        let body = null;
        try { body = JSON.parse(xhr.responseText); } catch (e) { body = null; }
        resolve({ status: xhr.status, body });
      };
      xhr.onerror = () => resolve({ status: 0, body: { error: '无法连接服务器，请检查网络后重试。' } });
      xhr.ontimeout = xhr.onerror;
      xhr.send(form);
    });
  }

  function errorText(res) {
    if (res.body && res.body.error) return res.body.error;
    if (res.status === 413) return '文件大小超过上限（' + RA.formatBytes(maxBytes) + '），未导入。';
    return '服务器未能处理（HTTP ' + res.status + '）。';
  }

  function input(cls, label, attrs) {
    return el('input', Object.assign({ type: 'text', class: cls || null, 'aria-label': label }, attrs || {}));
  }

  function addFiles(files) {
    const list = Array.from(files || []);
    if (!list.length) return;
    document.getElementById('uploads').hidden = false;
    for (const file of list) {
      const e = {
        file, status: 'waiting', prefill: { unit: '', year: '', author: '', title: '', kind: '' },
        titleField: input('title-field', '标题', { placeholder: '标题' }),
        kind: el('select', { 'aria-label': '类别' }, el('option', { value: '' }, '类别：按文件'),
          Object.entries({ team: '班子材料', personal: '个人材料' }).map(([k, v]) => el('option', { value: k }, v))),
        unit: input(null, '单位', { placeholder: '单位' }),
        year: input(null, '年度', { placeholder: '年度', inputmode: 'numeric', maxlength: 4 }),
        author: input(null, '作者', { placeholder: '班子材料可不填' }),
        progress: el('progress', { max: 1, value: 0 }),
        phase: el('div', { class: 'phase' }, STATUS_TEXT.waiting),
        title: el('div', { class: 'title' }),
        outcome: el('div', { class: 'outcome' })
      };
      e.remove = el('button', { type: 'button', class: 'link small', title: '从列表中去掉这个文件', onclick: () => removeEntry(e) }, '移除');
      e.row = el('tr', { 'data-file': file.name },
        el('td', null, el('div', { class: 'fname' }, file.name),
          el('div', { class: 'muted small' }, RA.formatBytes(file.size)), e.titleField, e.title),
        el('td', null, e.unit), el('td', { class: 'year' }, e.year), el('td', null, e.author, e.kind),
        el('td', null, e.progress, e.phase),
        el('td', null, e.outcome, e.remove));
      for (const f of [e.unit, e.year]) f.addEventListener('input', () => f.classList.toggle('missing', !f.value.trim()));
      document.getElementById('rows').appendChild(e.row);
      entries.push(e);
      if (maxBytes && file.size > maxBytes) {
        finish(e, 'failed', '文件大小 ' + RA.formatBytes(file.size) + '，超过上限 ' + RA.formatBytes(maxBytes) + '，未导入。');
      } else if (file.size === 0) {
        finish(e, 'failed', '文件是空的（0 字节），未导入。');
      }
    }
    pump();
    update();
  }

  function removeEntry(e) {
    if (e.status === 'reading' || e.status === 'uploading' || e.status === 'processing') return;
    entries.splice(entries.indexOf(e), 1);
    e.row.remove();
    update();
  }

  function setStatus(e, status) {
    e.status = status;
    e.phase.textContent = STATUS_TEXT[status] || '';
    e.row.dataset.status = status;
    const busy = status === 'reading' || status === 'uploading' || status === 'processing';
    const locked = busy || status === 'imported' || status === 'duplicate' || status === 'failed';
    for (const f of [e.unit, e.year, e.author, e.titleField, e.kind]) f.disabled = locked;
    e.remove.hidden = busy;
    update();
  }

  /** The final word on a file: imported / duplicate / failed, with why, a link and what else is worth saying. */
  function finish(e, status, message, reportId, ...extra) {
    setStatus(e, status);
    e.progress.value = 1;
    e.progress.setAttribute('value', '1');
    const label = { imported: '已导入', duplicate: '重复', failed: '失败' }[status];
    clear(e.outcome);
    e.outcome.className = 'outcome ' + status;
    e.outcome.appendChild(el('b', null, label));
    if (message) e.outcome.appendChild(el('span', { class: 'reason' }, '：' + message));
    if (reportId) {
      e.outcome.appendChild(el('span', null, '　'));
      e.outcome.appendChild(el('a', { href: RA.reportLink(reportId), class: 'open' }, '查看材料'));
    }
    RA.append(e.outcome, extra);
    e.remove.textContent = '移除';
  }

  async function readFile(e) {
    setStatus(e, 'reading');
    const form = new FormData();
    form.append('file', e.file, e.file.name);
    const res = await post('api/reports/preview', form, p => { e.progress.value = p; }, () => e.progress.removeAttribute('value'));
    if (res.status !== 200 || !res.body) {
      finish(e, 'failed', errorText(res));
      return;
    }
    const p = res.body;
    e.prefill = { unit: p.unit || '', year: p.year ? String(p.year) : '', author: p.author || '', title: p.title || '', kind: p.kind || '' };
    e.unit.value = e.prefill.unit;
    e.year.value = e.prefill.year;
    e.author.value = e.prefill.author;
    e.titleField.value = e.prefill.title;
    if (p.kind === 'team' || p.kind === 'personal') e.kind.options[0].textContent = '类别：' + RA.kindLabel(p.kind);
    e.unit.classList.toggle('missing', !e.prefill.unit);
    if (!e.prefill.unit) e.unit.placeholder = '未识别出单位，请填写';
    if (!e.prefill.year) { e.year.placeholder = '请填写'; e.year.classList.add('missing'); }
    e.title.textContent = p.post || '';
    const notes = (p.warnings || []).filter(w => w.code !== 'no-year' && w.code !== 'no-unit');
    if (notes.length) e.title.appendChild(el('div', { class: 'read-notes' }, '读取时发现：' + notes.map(w => RA.warningLabel(w.code)).join('；')));
    e.progress.value = 0;
    if (p.duplicateOf) {
      finish(e, 'duplicate', '档案库中已有这个文件', p.duplicateOf);
    } else {
      setStatus(e, 'ready');
    }
  }

  /** The metadata to send: only what differs from what the file says. */
  function given(e) {
    const out = {};
    const fields = { unit: e.unit, year: e.year, author: e.author, title: e.titleField, kind: e.kind };
    for (const [k, f] of Object.entries(fields)) {
      const v = f.value.trim();
      if (v && v !== e.prefill[k]) out[k] = v;
    }
    return out;
  }

  /** "读出 5 条问题，6 条措施": the points of the problems and measures sections (a block without points counts once). */
  function readCounts(r) {
    const points = type => (r.sections || []).filter(s => s.type === type).reduce((n, s) =>
      n + (s.blocks || []).reduce((m, b) => m + ((b.items || []).length || (b.heading || b.intro ? 1 : 0)), 0), 0);
    return el('div', { class: 'read', 'data-problems': points('problems'), 'data-measures': points('measures') },
      '读出 ' + points('problems') + ' 条问题，' + points('measures') + ' 条措施' + (r.ocr ? '（识别自扫描件）' : '') + '。');
  }

  /** Unit and year are needed to file a report; the row says so and waits. */
  function lacking(e) {
    const missing = [[e.unit, '单位'], [e.year, '年度']].filter(([f]) => !f.value.trim());
    for (const [f] of missing) f.classList.add('missing');
    if (!missing.length) return false;
    e.outcome.className = 'outcome failed';
    e.outcome.textContent = '请先填写' + missing.map(([, label]) => label).join('和') + '，再导入。';
    missing[0][0].focus();
    return true;
  }

  async function importFile(e) {
    const meta = given(e);
    if (lacking(e)) return;
    if (!/^\d{4}$/.test(e.year.value.trim())) {
      e.outcome.className = 'outcome failed';
      e.outcome.textContent = '年度应为四位数字，如 2023；请改正后再导入。';
      e.year.classList.add('missing');
      e.year.focus();
      return;
    }
    setStatus(e, 'uploading');
    e.progress.value = 0;
    const form = new FormData();
    form.append('file', e.file, e.file.name);
    for (const [k, v] of Object.entries(meta)) form.append(k, v);
    const res = await post('api/reports', form, p => { e.progress.value = p; },
      () => { setStatus(e, 'processing'); e.progress.removeAttribute('value'); });
    if (res.status === 201 && res.body) {
      const r = res.body;
      const what = [r.unit, r.year ? r.year + '年' : '', r.author].filter(Boolean).join('，');
      finish(e, 'imported', what, r.id, readCounts(r), RA.warningList(r.warnings));
    } else if (res.status === 200 && res.body && res.body.status === 'duplicate') {
      finish(e, 'duplicate', '档案库中已有这个文件', res.body.id);
    } else {
      finish(e, 'failed', errorText(res));
    }
  }

  let running = 0;
  let importing = false;
  /** Keeps up to PARALLEL requests going: first the reading of new files, then, once started, the imports. */
  function pump() {
    while (running < PARALLEL) {
      const next = entries.find(e => e.status === 'waiting') ||
        (importing ? entries.find(e => e.status === 'ready' && !e.tried) : null);
      if (!next) break;
      running++;
      const job = next.status === 'waiting' ? readFile(next) : (next.tried = true, importFile(next));
      job.catch(err => finish(next, 'failed', String(err && err.message || err)))
        .finally(() => { running--; pump(); update(); });
    }
    if (importing && running === 0 && !entries.some(e => e.status === 'waiting' || (e.status === 'ready' && !e.tried))) {
      importing = false;
      update();
    }
  }

  function update() {
    const count = s => entries.filter(e => e.status === s).length;
    const ready = count('ready');
    document.getElementById('start').disabled = importing || ready === 0;
    document.getElementById('clear-done').disabled = !entries.some(e => ['imported', 'duplicate', 'failed'].includes(e.status));
    const parts = [];
    if (count('imported')) parts.push('已导入 ' + count('imported') + ' 份');
    if (count('duplicate')) parts.push('重复 ' + count('duplicate') + ' 份');
    if (count('failed')) parts.push('失败 ' + count('failed') + ' 份');
    if (ready) parts.push('待导入 ' + ready + ' 份');
    const busy = count('waiting') + count('reading') + count('uploading') + count('processing');
    if (busy) parts.push('处理中 ' + busy + ' 份');
    document.getElementById('summary').textContent = entries.length ? '共 ' + entries.length + ' 个文件：' + parts.join('，') : '';
    document.getElementById('uploads').hidden = entries.length === 0;
  }

  document.addEventListener('DOMContentLoaded', async () => {
    const drop = document.getElementById('drop');
    const picker = document.getElementById('files');
    picker.addEventListener('change', () => { addFiles(picker.files); picker.value = ''; });
    // a file dropped anywhere is taken, never opened by the browser in place of the page
    window.addEventListener('dragover', e => { e.preventDefault(); drop.classList.add('over'); });
    window.addEventListener('dragleave', e => { if (!e.relatedTarget) drop.classList.remove('over'); });
    window.addEventListener('drop', e => {
      e.preventDefault();
      drop.classList.remove('over');
      if (e.dataTransfer) addFiles(e.dataTransfer.files);
    });
    document.getElementById('start').addEventListener('click', () => {
      for (const e of entries) if (e.status === 'ready') e.tried = false;
      importing = true;
      update();
      pump();
    });
    document.getElementById('clear-done').addEventListener('click', () => {
      for (const e of entries.filter(x => ['imported', 'duplicate', 'failed'].includes(x.status))) {
        entries.splice(entries.indexOf(e), 1);
        e.row.remove();
      }
      update();
    });
    const m = await RA.meta();
    maxBytes = m.maxUploadBytes || 0;
    if (maxBytes) document.getElementById('limit').textContent = '单个文件不超过 ' + RA.formatBytes(maxBytes) + '。';
  });
})();
