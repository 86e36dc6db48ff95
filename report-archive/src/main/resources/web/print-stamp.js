/* 内部资料·注意保存 on every printed page of 材料, 对比, 查重, 重复问题 and 检索, with who prints and
 * when: a line the print style fixes to the foot of each sheet (a fixed element repeats on every
 * printed page). Filled in again just before printing, so the time is the printing's. */
'use strict';

(() => {
  const pad = n => String(n).padStart(2, '0');
  const stamp = document.createElement('div');
  stamp.id = 'print-stamp';
  stamp.className = 'print-stamp';
  stamp.setAttribute('aria-hidden', 'true');
  let who = '';

  function now() {
    const d = new Date();
    return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + ' ' + pad(d.getHours()) + ':' + pad(d.getMinutes());
  }

  function fill() {
    stamp.textContent = '内部资料·注意保存　打印人：' + (who || '（未登录）') + '　打印时间：' + now();
  }

  function mount() {
    document.body.appendChild(stamp);
    fill();
    RA.session().then(s => {
      who = s && s.username ? s.username : (s && s.open ? '本机用户（未设账户）' : '');
      fill();
    }).catch(() => fill());
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mount);
  else mount();
  window.addEventListener('beforeprint', fill);
  if (window.matchMedia) matchMedia('print').addEventListener('change', e => { if (e.matches) fill(); });
})();
