/*
 * The desk as it stands, on the /ops page: who waits for an agent and the longest wait, agents
 * online and away, call-backs owed, and the open backlog by age with the SLA breaches now,
 * complaints and campaign visits apart (GET /api/ops/desk). Read when the page starts, on Refresh,
 * and every half minute while the page is in view.
 */
var OpsDesk = (function () {
  'use strict';

  var el = Staff.el;
  var REFRESH_MS = 30000;
  var desk = null;
  var timer = null;

  function t(key, params) {
    return Staff.t('page.desk.' + key, params);
  }

  function load() {
    return Staff.api('GET', '/api/ops/desk').then(function (body) {
      desk = body;
      render();
    }, function () {
      /* The rest of the page reports problems; the figures stay as last read. */
    });
  }

  function figure(name, value, detail) {
    return el('div', { class: 'ops-desk-figure', 'data-figure': name }, [
      el('span', { class: 'ops-desk-label', text: t(name) }),
      el('strong', { 'data-testid': 'desk-' + name, text: String(value) }),
      detail ? el('span', { class: 'ops-desk-detail', text: detail }) : null,
    ]);
  }

  function backlog(name, figures) {
    var ages = Object.keys(figures.byAge);
    return el('table', { class: 'ops-table', 'data-testid': 'desk-' + name }, [
      el('caption', { text: t(name) + ': ' + figures.open + ' · ' + t('breached') + ': ' + figures.breachedNow }),
      el('thead', {}, [el('tr', {}, [el('th', { text: t('age') })].concat(ages.map(function (age) { return el('th', { text: t('ages.' + age) }); })))]),
      el('tbody', {}, [el('tr', {}, [el('th', { text: t(name) })].concat(ages.map(function (age) { return el('td', { text: String(figures.byAge[age]) }); })))]),
    ]);
  }

  function render() {
    var box = document.getElementById('ops-desk');
    if (!box) return;
    var refresh = el('button', { type: 'button', class: 'staff-secondary', text: t('refresh'), onclick: load });
    var head = el('div', { class: 'ops-panel-head' }, [el('h2', { id: 'ops-desk-title', text: t('title') }), refresh]);
    if (!desk) return box.replaceChildren(head);
    box.replaceChildren(
      head,
      el('div', { class: 'ops-desk-figures' }, [
        figure('waiting', desk.queue.waiting, t('urgent', { count: desk.queue.urgent })),
        figure('longest', t('minutes', { minutes: Math.floor(desk.queue.longestWaitSeconds / 60) })),
        figure('agentsOnline', desk.agents.online, t('away', { count: desk.agents.away })),
        figure('withConsumers', desk.agents.withConsumers),
        figure('callBacks', desk.callBacks.open, t('dueNow', { count: desk.callBacks.dueNow })),
      ]),
      backlog('complaints', desk.complaints),
      backlog('campaignVisits', desk.campaignVisits),
    );
  }

  return {
    start: function () {
      render();
      load();
      if (timer === null) {
        timer = setInterval(function () {
          if (document.visibilityState === 'visible' && Staff.identity()) load();
        }, REFRESH_MS);
      }
    },
    render: render,
  };
})();
