// The status page: connections with state, lag, budget and error counts, a connection's detail with its errors, and a
// record's history. Everything comes from the control API with the operator token, kept in this tab only. Data is put
// on the page as text, never as HTML.
(function () {
  'use strict';
  const view = document.getElementById('view');
  const login = document.getElementById('login');
  const logout = document.getElementById('logout');
  let timer = null;

  function token() { return sessionStorage.getItem('sxs-token'); }

  async function api(path, options) {
    const res = await fetch(path, Object.assign({ headers: { 'Authorization': 'Bearer ' + token(),
      'Content-Type': 'application/json' } }, options || {}));
    if (res.status === 401) { sessionStorage.removeItem('sxs-token'); showLogin('The token was refused.'); throw new Error('401'); }
    const body = await res.json().catch(() => ({}));
    if (!res.ok) { throw new Error(body.message || res.statusText); }
    return body;
  }

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (k === 'onclick') { e.addEventListener('click', v); } else if (v !== null && v !== undefined) { e.setAttribute(k, v); }
    });
    children.flat().forEach(c => e.append(c instanceof Node ? c : document.createTextNode(c === null || c === undefined ? '–' : String(c))));
    return e;
  }

  function table(headers, rows) {
    return el('table', {}, el('thead', {}, el('tr', {}, headers.map(h => el('th', {}, h)))), el('tbody', {}, rows));
  }

  function pill(state) { return el('span', { class: 'pill state-' + state, 'data-state': state }, state); }

  function budget(c, system) {
    const s = (c.systems || []).find(x => x.system === system);
    if (!s || !s.budget) { return '–'; }
    const b = s.budget;
    return (b.parkedUntil ? 'parked until ' + b.parkedUntil : b.dayRemaining + ' / ' + b.dayLimit + ' today');
  }

  function lag(c) {
    if (!c.lag) { return '–'; }
    const s = c.lag.lagMs / 1000;
    return (s < 10 ? s.toFixed(1) : Math.round(s)) + 's';
  }

  function lastPoll(c) {
    const times = (c.systems || []).flatMap(s => Object.values(s.lastPoll || {})).sort();
    return times.length ? times[times.length - 1] : null;
  }

  async function showList() {
    const list = await api('/api/connections');
    view.replaceChildren(el('h2', {}, 'Connections'),
      list.length === 0 ? el('p', { class: 'muted' }, 'No connections yet: add one with the CLI or POST /api/connections.') :
      table(['Connection', 'State', 'Lag', 'Mode', 'Invoices', 'Errors', 'Queued writes', 'Xero budget', 'Scoro budget', 'Last poll'],
        list.map(c => el('tr', { class: 'link', 'data-id': c.id, onclick: () => { location.hash = '#/connections/' + c.id; } },
          el('td', {}, el('strong', {}, c.id), el('div', { class: 'muted' }, c.name)), el('td', {}, pill(c.state)),
          el('td', { class: 'lag' }, lag(c)), el('td', {}, c.syncMode), el('td', {}, (c.directions || {}).INVOICE),
          el('td', { class: c.errorCount ? 'error' : '' }, c.errorCount),
          el('td', {}, (c.systems || []).reduce((n, s) => n + s.queuedCommands, 0)),
          el('td', {}, budget(c, 'XERO')), el('td', {}, budget(c, 'SCORO')), el('td', {}, lastPoll(c))))));
  }

  async function showConnection(id) {
    const [c, errors] = await Promise.all([api('/api/connections/' + encodeURIComponent(id)),
      api('/api/errors?connection=' + encodeURIComponent(id))]);
    const act = (path) => async () => { await api('/api/connections/' + encodeURIComponent(id) + path, { method: 'POST', body: '{}' }); render(); };
    const lookup = el('form', { id: 'lookup' }, el('input', { id: 'lookup-entity', value: 'INVOICE', size: 12 }),
      el('input', { id: 'lookup-record', placeholder: 'number or id', size: 16 }), el('button', { type: 'submit' }, 'History'));
    lookup.addEventListener('submit', ev => { ev.preventDefault();
      location.hash = '#/connections/' + id + '/history/' + document.getElementById('lookup-entity').value + '/'
        + encodeURIComponent(document.getElementById('lookup-record').value); });
    view.replaceChildren(el('h2', {}, c.id + ' ', pill(c.state)),
      el('div', {}, el('button', { id: 'run', onclick: act('/runs') }, 'Sync now'),
        c.status === 'PAUSED' ? el('button', { id: 'resume', onclick: act('/resume') }, 'Resume')
          : el('button', { id: 'pause', onclick: act('/pause') }, 'Pause')),
      el('dl', {}, el('dt', {}, 'Name'), el('dd', {}, c.name),
        el('dt', {}, 'Problems'), el('dd', { class: 'error' }, (c.problems || []).join('; ') || 'none'),
        el('dt', {}, 'Scoro'), el('dd', {}, c.scoroSite + ' company ' + c.scoroCompanyAccountId),
        el('dt', {}, 'Xero'), el('dd', {}, 'organisation ' + c.xeroTenantId),
        el('dt', {}, 'Directions'), el('dd', {}, Object.entries(c.directions || {}).map(([k, v]) => k + ' ' + v).join(', ')),
        el('dt', {}, 'Contacts'), el('dd', {}, c.contacts),
        el('dt', {}, 'Mode'), el('dd', {}, c.syncMode + ', polls every ' + c.pollIntervalMs + ' ms'),
        el('dt', {}, 'Lag'), el('dd', { id: 'lag' }, c.lag ? lag(c) + ' (' + c.lag.commandsInFlight + ' writes in flight, '
          + c.lag.itemsWaiting + ' waiting for a dependency)' : '–')),
      el('h3', {}, 'Systems'),
      table(['System', 'Pre-flight', 'Budget', 'Queued writes', 'Last polls', 'Cursors'], (c.systems || []).map(s => el('tr', {},
        el('td', {}, s.system), el('td', {}, s.preflight), el('td', {}, budget(c, s.system)), el('td', {}, s.queuedCommands),
        el('td', {}, Object.entries(s.lastPoll || {}).map(([k, v]) => k + ' ' + v).join('; ')),
        el('td', {}, Object.entries(s.cursors || {}).map(([k, v]) => k + ' ' + v).join('; '))))),
      el('h3', { id: 'errors-title' }, 'Errors (' + errors.length + ')'),
      errors.length === 0 ? el('p', { class: 'muted' }, 'No errors stand.') :
        table(['At', 'Entity', 'System', 'Id', 'Kind', 'Message', ''], errors.map(e => el('tr', { class: 'error-row' },
          el('td', {}, e.at), el('td', {}, e.entity), el('td', {}, e.system), el('td', {}, e.itemId),
          el('td', {}, e.kind), el('td', {}, e.message),
          el('td', {}, e.itemId ? el('a', { class: 'history-link', href: '#/connections/' + id + '/history/' + e.entity + '/'
            + encodeURIComponent(e.itemId) }, 'history') : '')))),
      el('h3', {}, 'A record\'s history'), lookup);
  }

  async function showHistory(id, entity, record) {
    const h = await api('/api/connections/' + encodeURIComponent(id) + '/history/' + encodeURIComponent(entity) + '/'
      + encodeURIComponent(record));
    view.replaceChildren(el('h2', {}, 'History of ' + entity.toLowerCase() + ' ' + decodeURIComponent(record)),
      el('p', {}, el('a', { href: '#/connections/' + id }, '← ' + id), ' ',
        el('span', { class: 'muted' }, Object.entries(h.ids || {}).map(([k, v]) => k + ' ' + v.join(', ')).join(' · '))),
      h.steps.length === 0 ? el('p', { class: 'muted' }, 'Nothing was ever read for it on this connection.') :
        table(['At', 'Step', 'System', 'Id', 'Cause', 'What', 'Detail'], h.steps.map(s => el('tr', { class: 'step' },
          el('td', {}, s.at), el('td', {}, s.kind), el('td', {}, s.system), el('td', {}, s.itemId), el('td', {}, s.cause),
          el('td', {}, s.outcome), el('td', {}, s.message)))));
  }

  async function showHealth() {
    const h = document.getElementById('health');
    try {
      const res = await fetch('/actuator/health', { headers: { 'Authorization': 'Bearer ' + token() } });
      const body = await res.json();
      h.textContent = 'health ' + body.status;
      h.className = 'pill ' + body.status;
    } catch (e) { h.textContent = 'health unknown'; }
  }

  function showLogin(message) {
    login.hidden = false; logout.hidden = true; view.replaceChildren();
    document.getElementById('login-error').textContent = message || '';
  }

  async function render() {
    clearTimeout(timer);
    if (!token()) { showLogin(); return; }
    login.hidden = true; logout.hidden = false;
    const parts = location.hash.replace(/^#\/?/, '').split('/');
    try {
      if (parts[0] === 'connections' && parts[2] === 'history') { await showHistory(parts[1], parts[3], parts[4] || ''); }
      else if (parts[0] === 'connections' && parts[1]) { await showConnection(decodeURIComponent(parts[1])); }
      else { await showList(); }
      showHealth();
    } catch (e) {
      if (e.message !== '401') { view.replaceChildren(el('p', { class: 'error' }, e.message)); }
      return;
    }
    if (!parts[2]) { timer = setTimeout(render, 5000); }
  }

  document.getElementById('login-form').addEventListener('submit', ev => {
    ev.preventDefault();
    sessionStorage.setItem('sxs-token', document.getElementById('token').value.trim());
    render();
  });
  logout.addEventListener('click', () => { sessionStorage.removeItem('sxs-token'); showLogin(); });
  window.addEventListener('hashchange', render);
  render();
})();
