/* 用户: the accounts for an admin (GET api/users), with a row of actions each: role and units,
 * a new password, 停用/启用, 解除锁定, 删除 (confirmed by name); a form for a new account and one for
 * the password rules. Every change goes through the API, which checks and records it. */
'use strict';

(() => {
  const { el, clear, api } = RA;
  const ROLES = { admin: '管理员', inspector: '检查人员', viewer: '查阅人员' };

  function say(text, error) {
    const box = clear(document.getElementById('status'));
    box.appendChild(el('p', { class: error ? 'error' : 'notice' }, text));
  }

  async function run(action, done) {
    try {
      await action();
      say(done);
      await load();
    } catch (e) {
      say(e.message, true);
    }
  }

  function patch(name, body) {
    return api('api/users/' + encodeURIComponent(name), {
      method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body)
    });
  }

  function row(u) {
    const role = el('select', { 'aria-label': u.name + ' 的角色', class: 'role' },
      Object.entries(ROLES).map(([k, v]) => el('option', { value: k, selected: k === u.role }, v)));
    const units = el('input', { type: 'text', class: 'units', 'aria-label': u.name + ' 可查阅的单位', value: u.units.join('，') });
    const state = [u.disabled ? '已停用' : '可用', u.locked ? '登录已锁定' : null, u.passwordExpired ? '密码已过期' : null]
      .filter(Boolean).join('；');
    return el('tr', { 'data-user': u.name },
      el('td', { class: 'name' }, u.name),
      el('td', null, role),
      el('td', null, units),
      el('td', { class: 'state' }, state),
      el('td', { class: 'actions' },
        el('button', { type: 'button', class: 'save', onclick: () => run(() => patch(u.name, {
          role: role.value, units: role.value === 'viewer' ? units.value : []
        }), '已修改 ' + u.name + ' 的角色和单位。') }, '保存'),
        el('button', { type: 'button', class: 'reset', onclick: () => {
          const pw = prompt('为“' + u.name + '”设置新密码：');
          if (pw) run(() => patch(u.name, { password: pw }), '已重置 ' + u.name + ' 的密码；其已登录的会话随之失效。');
        } }, '重置密码'),
        el('button', { type: 'button', class: 'toggle', onclick: () => run(() => patch(u.name, { disabled: !u.disabled }),
          (u.disabled ? '已启用 ' : '已停用 ') + u.name + '。') }, u.disabled ? '启用' : '停用'),
        u.locked ? el('button', { type: 'button', class: 'unlock', onclick: () => run(() => patch(u.name, { unlock: true }),
          '已解除 ' + u.name + ' 的登录锁定。') }, '解除锁定') : null,
        el('button', { type: 'button', class: 'remove danger', onclick: () => {
          if (confirm('确定删除账户“' + u.name + '”吗？此操作不能撤销。')) {
            run(() => api('api/users/' + encodeURIComponent(u.name), { method: 'DELETE' }), '已删除账户 ' + u.name + '。');
          }
        } }, '删除')));
  }

  async function load() {
    const body = clear(document.getElementById('users-body'));
    let users;
    try {
      users = await api('api/users');
    } catch (e) {
      body.appendChild(el('p', { class: 'error' }, e.message));
      return;
    }
    body.appendChild(el('table', { class: 'grid users', id: 'users-table' },
      el('thead', null, el('tr', null, ['用户名', '角色', '可查阅的单位', '状态', '操作'].map(h => el('th', { scope: 'col' }, h)))),
      el('tbody', null, users.map(row))));
  }

  async function loadPolicy() {
    try {
      const p = await api('api/users/policy');
      document.getElementById('p-length').value = p.minLength;
      document.getElementById('p-classes').value = p.minClasses;
      document.getElementById('p-age').value = p.maxAgeDays;
      document.getElementById('policy-text').textContent = '密码要求：' + p.text + '。';
    } catch (e) { /* the list says what is wrong */ }
  }

  document.addEventListener('DOMContentLoaded', () => {
    document.getElementById('add-user').addEventListener('submit', e => {
      e.preventDefault();
      const name = document.getElementById('new-name').value.trim();
      const role = document.getElementById('new-role').value;
      const body = {
        username: name, role, password: document.getElementById('new-password').value,
        units: role === 'viewer' ? document.getElementById('new-units').value : []
      };
      run(async () => {
        await api('api/users', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
        e.target.reset();
      }, '已新增账户 ' + name + '。');
    });
    document.getElementById('policy').addEventListener('submit', e => {
      e.preventDefault();
      const body = {
        minLength: Number(document.getElementById('p-length').value),
        minClasses: Number(document.getElementById('p-classes').value),
        maxAgeDays: Number(document.getElementById('p-age').value)
      };
      run(async () => {
        await api('api/users/policy', { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
        await loadPolicy();
      }, '已保存密码规则。');
    });
    load();
    loadPolicy();
  });
})();
