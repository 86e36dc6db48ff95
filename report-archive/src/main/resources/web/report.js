/* 材料: one report laid out by its structure. Every passage carries its ref as HTML id
 * (problems/3/2, problems/3, problems, preface/1, closing/1), so report.html?id=X#problems/3/2 jumps there. */
'use strict';

(() => {
  const { el, clear } = RA;
  const SIMILAR = {
    problems: '查找类似问题', measures: '查找类似措施', causes: '查找类似原因',
    rectification: '查找类似表述', other: '查找类似表述'
  };
  const MARKER = /^\s*(?:[一二三四五六七八九十]+是|[0-9０-９]+\s*[.．、,，]|[（(]\s*[0-9０-９一二三四五六七八九十]+\s*[)）]|[\u2460-\u2473])\s*/;

  /**
   * The text as written, less a leading 1. / 1、 / （1） / ① that only repeats the number shown beside it
   * (一是… stays: it is part of the sentence).
   */
  function withoutOwnNumber(text, n) {
    const m = /^\s*(?:([0-9０-９]+)\s*[.．、]|[（(]\s*([0-9０-９]+)\s*[)）]|([\u2460-\u2473]))\s*/.exec(text || '');
    if (!m) return text;
    const digits = (m[1] || m[2] || '').replace(/[０-９]/g, c => String.fromCharCode(c.charCodeAt(0) - 0xFEE0));
    const value = m[3] ? m[3].charCodeAt(0) - 0x2460 + 1 : Number(digits);
    return value === n ? text.slice(m[0].length) : text;
  }

  /** 查相似表述 with the point's own text: the points of the archive that say the same, in any wording. */
  function similarLink(type, text, reportId, ref) {
    const body = String(text || '').replace(MARKER, '').trim();
    if (!/[\p{L}\p{N}]/u.test(body)) return null;
    const section = type === 'problems' || type === 'measures' || type === 'causes' ? type : '';
    return el('a', { class: 'similar', href: RA.searchLink({ mode: 'similar', text: Array.from(body).slice(0, 600).join(''), section, from: reportId + ':' + ref }),
      title: '在全部材料中查找与这一条说法相近的条目（历年重复、他单位雷同，不要求用词相同）' },
      SIMILAR[type] || SIMILAR.other);
  }

  const FORMATS = {
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word 文档',
    'application/msword': 'Word 97–2003 或 WPS 文档',
    'application/vnd.ms-works': 'WPS 文档',
    'application/pdf': 'PDF 文件',
    'text/plain': '文本文件',
    'application/rtf': 'RTF 文档',
    'text/rtf': 'RTF 文档',
    'application/vnd.oasis.opendocument.text': 'ODT 文档',
    'text/html': '网页文件',
    'application/xhtml+xml': '网页文件'
  };
  function formatName(mediaType) {
    return FORMATS[String(mediaType).split(';')[0].trim().toLowerCase()] || mediaType;
  }

  function fact(label, ...value) {
    return el('tr', null, el('th', { scope: 'row' }, label), el('td', null, ...value));
  }

  /** "（更正；原文识别为 2022）" beside a corrected field; null when the field is as the file said. */
  function correctionNote(r, field, ref, show) {
    const c = RA.correctionOf(r, field, ref);
    if (!c) return null;
    const original = c.original === null || c.original === undefined || c.original === '' ? null : (show ? show(c.original) : c.original);
    const by = [c.by, c.at ? String(c.at).slice(0, 10) : ''].filter(Boolean).join('，');
    return el('span', { class: 'corrected', 'data-field': field, title: by ? '更正：' + by : null },
      original === null ? '（更正；原文未识别）' : '（更正；原文识别为 ' + original + '）');
  }

  const missing = () => el('span', { class: 'muted' }, '未注明');

  function renderHeader(r, box) {
    box.appendChild(el('h1', { id: 'title' }, r.title || r.filename || '（无标题）',
      r.ocr ? el('span', { class: 'ocr-mark', title: '文字由扫描图像识别（OCR）得到，可能有错字，请对照原件' }, '识别自扫描件') : null));
    const titleNote = correctionNote(r, 'title');
    if (titleNote) box.appendChild(el('p', { class: 'small' }, titleNote));
    const warnings = RA.warningList(r.warnings);
    if (warnings) box.appendChild(warnings);
    const author = [r.post, r.author].filter(Boolean).join('　');
    const authorNotes = [correctionNote(r, 'post'), correctionNote(r, 'author')];
    box.appendChild(el('table', { class: 'facts' }, el('tbody', null,
      fact('单位', r.unit || missing(), correctionNote(r, 'unit')),
      fact('年度', r.year ? String(r.year) : missing(), correctionNote(r, 'year')),
      author || r.kind !== 'team' || authorNotes.some(Boolean) ? fact('作者', author || missing(), ...authorNotes) : null,
      fact('类别', [RA.kindLabel(r.kind), r.meeting].filter(Boolean).join('　') || '—', correctionNote(r, 'kind', undefined, RA.kindLabel)),
      fact('原件', r.filename || '—', r.mediaType ? el('span', { class: 'muted small', title: r.mediaType }, '　' + formatName(r.mediaType)) : null),
      fact('编号', el('span', { class: 'hash' }, r.id)),
      fact('校验值', el('span', { class: 'hash', title: 'SHA-256：原件逐字节的摘要，可用来核对下载的文件是否与存档一致' }, r.sha256 || '')))));
    const download = el('a', {
      id: 'download', href: 'api/reports/' + encodeURIComponent(r.id) + '/original', download: r.filename || true
    }, '下载原件');
    box.appendChild(el('div', { class: 'actions' },
      download,
      el('a', { href: '#', onclick: e => { e.preventDefault(); window.print(); } }, '打印'),
      r.unit ? el('a', { href: 'browse.html?unit=' + encodeURIComponent(r.unit) }, '本单位全部材料') : null,
      r.unit ? el('a', { href: RA.searchLink({ unit: r.unit }) }, '检索本单位') : null,
      el('span', { class: 'compare-links', id: 'compare-links' }),
      r.unit ? el('a', { id: 'repeats-link', href: 'repeats.html?' + new URLSearchParams(r.author ? { unit: r.unit, author: r.author } : { unit: r.unit }),
        title: '这个单位（或作者）历年反复查摆的问题' }, '历年重复问题') : null,
      el('a', { id: 'copies-link', href: 'copies.html?id=' + encodeURIComponent(r.id), title: '这份材料有多少文字也出现在其他材料或模板中' }, '查重'),
      el('span', { class: 'siblings', id: 'siblings' }),
      el('span', { class: 'admin-actions', id: 'admin-actions' })));
  }

  /** 更正 (admins and inspectors) and 删除 (admins), once the session says who is looking. */
  async function renderAdminActions(r) {
    const s = await RA.session();
    const box = document.getElementById('admin-actions');
    if (!box || !s) return;
    if (RA.mayCorrect(s)) {
      box.appendChild(el('button', { type: 'button', id: 'correct', onclick: async () => {
        if (document.getElementById('correct-form')) return;
        const form = await Correct.form(r, corrected => show(corrected));
        document.querySelector('#report .actions').after(form);
        form.querySelector('input').focus();
      } }, '更正'));
    }
    if (s.may.delete) box.appendChild(Correct.deleteButton(r));
  }

  /** The page for a report (again after a correction). */
  function show(r) {
    render(r);
    renderAdminActions(r);
    renderSiblings(r);
    document.dispatchEvent(new CustomEvent('report-shown', { detail: r })); // followup.js draws what became of it
  }

  async function renderSiblings(r) {
    if (!r.unit) return;
    let list;
    try {
      list = await RA.api('api/reports?unit=' + encodeURIComponent(r.unit));
    } catch (e) {
      return;
    }
    compareLinks(r, list);
    const others = list.filter(s => s.id !== r.id).sort((a, b) => (a.year || 0) - (b.year || 0));
    if (!others.length) return;
    const box = document.getElementById('siblings');
    box.appendChild(el('span', { class: 'muted' }, '本单位其他材料：'));
    for (const s of others) {
      const who = s.author ? s.author : (s.kind === 'team' ? '班子' : '');
      box.appendChild(el('a', { href: RA.reportLink(s.id), title: s.title || '' }, RA.yearText(s.year) + (who ? ' ' + who : '')));
    }
  }

  /** 与上一年对比 / 与下一年对比: the nearest earlier and later year of the same team or the same person. */
  function compareLinks(r, list) {
    if (!r.year) return;
    const same = list.filter(s => s.id !== r.id && s.year && (r.author ? s.author === r.author : !s.author));
    const before = Math.max(...same.filter(s => s.year < r.year).map(s => s.year), -Infinity);
    const after = Math.min(...same.filter(s => s.year > r.year).map(s => s.year), Infinity);
    const link = (id, from, to, label) => el('a', {
      id, href: 'compare.html?' + new URLSearchParams(Object.assign({ unit: r.unit }, r.author ? { author: r.author } : {}, { from, to })),
      title: from + '年与' + to + '年逐条对比：重复的问题、措施的落实'
    }, label);
    const box = document.getElementById('compare-links');
    if (isFinite(before)) box.appendChild(link('compare-prev', before, r.year, '与上一年对比'));
    if (isFinite(after)) box.appendChild(link('compare-next', r.year, after, '与下一年对比'));
  }

  function paragraphs(list, type, box) {
    list.forEach((text, i) => box.appendChild(el('p', { class: 'para', id: type + '/' + (i + 1) }, text)));
  }

  function render(r) {
    const box = clear(document.getElementById('report'));
    const toc = clear(document.getElementById('toc'));
    document.title = (r.title || r.filename || '材料') + ' — 对照检查材料档案库';
    renderHeader(r, box);

    const tocList = el('ol');
    toc.appendChild(el('h2', null, '目录'));
    toc.appendChild(tocList);

    if (r.preface && r.preface.length) {
      const pre = el('section', { class: 'preface', id: 'preface' });
      paragraphs(r.preface, 'preface', pre);
      box.appendChild(pre);
      tocList.appendChild(el('li', null, el('a', { href: '#preface' }, '前言')));
    }

    const blocksSeen = {};
    const used = new Set();
    (r.sections || []).forEach((section, si) => {
      const type = section.type || 'other';
      const secId = 'sec-' + (si + 1);
      const part = el('section', { class: 'part', id: secId, 'data-type': type });
      part.appendChild(el('h2', null, el('span', null, section.heading || RA.sectionLabel(type)),
        el('span', { class: 'tag' }, RA.sectionLabel(type))));
      const tocBlocks = el('ol');
      tocList.appendChild(el('li', null, el('a', { href: '#' + secId, title: section.heading || '' }, section.heading || RA.sectionLabel(type)), tocBlocks));
      if (section.intro && section.intro.trim()) {
        part.appendChild(el('p', { class: 'intro para', id: used.has(type) ? null : type }, section.intro));
        used.add(type);
      }
      for (const block of section.blocks || []) {
        const b = blocksSeen[type] = (blocksSeen[type] || 0) + 1;
        const ref = type + '/' + b;
        const div = el('div', { class: 'block', id: 'block-' + type + '-' + b, 'data-aspect': block.aspect || '' });
        const hasIntro = block.intro && block.intro.trim();
        const hasItems = block.items && block.items.length;
        if (block.heading) {
          div.appendChild(el('h3', { id: !hasIntro ? ref : null },
            el('span', { class: 'text' }, block.heading),
            block.aspect ? el('span', { class: 'tag aspect', title: '归入的方面' }, RA.aspectLabel(block.aspect)) : null,
            correctionNote(r, 'aspect', ref, RA.aspectLabel)));
          tocBlocks.appendChild(el('li', null, el('a', { href: '#block-' + type + '-' + b, title: block.heading }, block.heading)));
        }
        if (hasIntro) {
          div.appendChild(el('p', { class: 'intro para', id: ref }, block.intro));
        }
        if (hasItems) {
          const list = el('ol', { class: 'items' });
          for (const item of block.items) {
            const itemRef = ref + '/' + item.n;
            list.appendChild(el('li', { id: itemRef },
              el('span', { class: 'no' }, el('a', { href: '#' + itemRef, title: '本条的链接' }, String(item.n))),
              el('span', { class: 'text' }, withoutOwnNumber(item.text, item.n)),
              similarLink(type, item.text, r.id, itemRef)));
          }
          div.appendChild(list);
        }
        part.appendChild(div);
      }
      box.appendChild(part);
    });

    if (r.closing && r.closing.length) {
      const end = el('section', { class: 'part closing', id: 'closing' });
      paragraphs(r.closing, 'closing', end);
      box.appendChild(end);
      tocList.appendChild(el('li', null, el('a', { href: '#closing' }, '结尾')));
    }
    if (!(r.sections || []).length && !(r.preface || []).length) {
      box.appendChild(el('p', { class: 'notice' }, '这份材料没有识别出结构；请下载原件查看全文。'));
    }
  }

  /** Mark and scroll to the passage the URL's #ref names (the page is built after the browser looked). */
  function showTarget() {
    for (const old of document.querySelectorAll('.target')) old.classList.remove('target');
    const ref = decodeURIComponent(location.hash.replace(/^#/, ''));
    if (!ref) return;
    const node = document.getElementById(ref);
    if (node) {
      if (/\//.test(ref) || /^[a-z]+$/.test(ref)) node.classList.add('target');
      node.scrollIntoView({ block: 'center' });
    }
  }

  document.addEventListener('DOMContentLoaded', async () => {
    const id = new URLSearchParams(location.search).get('id');
    const box = document.getElementById('report');
    if (!id) {
      RA.showError(box, '网址中缺少材料编号；请从检索结果或“浏览”页打开材料。');
      return;
    }
    let r;
    try {
      await RA.loadLabels();
      r = await RA.api('api/reports/' + encodeURIComponent(id));
    } catch (e) {
      RA.showError(box, e.message);
      return;
    }
    show(r);
    showTarget();
    window.addEventListener('hashchange', showTarget);
  });
})();
