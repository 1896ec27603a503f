/*
 * The operations page for supervisors: outreach campaigns (create, start, pause, stop, and each one's
 * funnel by division or by day, refreshed every few seconds while it runs) and the daily operations
 * figures of a span of IST days, each table downloadable as CSV. Everything goes through the ops API
 * with the session's bearer token; CSV files are fetched the same way and saved from a Blob, so the
 * token never goes into a URL.
 */
(function () {
  'use strict';

  var OPS_ROLES = ['supervisor', 'field_supervisor'];
  var STAGES = ['targeted', 'sent', 'delivered', 'read', 'replied', 'resolved'];
  /** While a campaign runs, its numbers move: the list and the open funnel refresh this often. */
  var LIVE_MS = 3000;
  /** The daily figures change with every conversation: they refresh this often while the page is visible. */
  var DAILY_MS = 60000;
  var IST_OFFSET_MS = 330 * 60000;
  var DAY_MS = 86400000;

  var state = {
    span: null,
    daily: null,
    dailyLoading: false,
    campaigns: null,
    selected: null,
    funnelBy: 'division',
    funnel: null,
    confirmStop: null,
    message: null,
  };
  var liveTimer = null;
  var dailyTimer = null;

  var el = Staff.el;

  function element(id) {
    return document.getElementById(id);
  }

  function t(key, params) {
    return Staff.t(key, params);
  }

  /** A translated label, or the id itself for a value this page has no words for yet. */
  function label(group, id) {
    var key = 'page.' + group + '.' + id;
    var text = t(key);
    return text === key ? id : text;
  }

  function locale() {
    return Staff.lang === 'hi' ? 'hi-IN' : 'en-IN';
  }

  function number(value) {
    return new Intl.NumberFormat(locale()).format(value);
  }

  function share(value) {
    if (value === null || value === undefined) return '—';
    return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 1 }).format(value);
  }

  /** "2026-11-28" as a short day name; the date is already an IST day. */
  function day(date) {
    return new Intl.DateTimeFormat(locale(), { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' }).format(
      new Date(date + 'T00:00:00Z'),
    );
  }

  function time(iso) {
    if (!iso) return '—';
    return new Intl.DateTimeFormat(locale(), {
      timeZone: 'Asia/Kolkata',
      day: 'numeric',
      month: 'short',
      hour: 'numeric',
      minute: '2-digit',
    }).format(new Date(iso));
  }

  function istToday() {
    return new Date(Date.now() + IST_OFFSET_MS).toISOString().slice(0, 10);
  }

  function shiftDate(date, days) {
    return new Date(Date.parse(date + 'T00:00:00Z') + days * DAY_MS).toISOString().slice(0, 10);
  }

  function isSupervisor(identity) {
    return Boolean(identity) && OPS_ROLES.indexOf(identity.role) >= 0;
  }

  /** A table: `columns` are { key, label, numeric }, `rows` objects; `cell(row, column)` renders one cell. */
  function table(name, columns, rows, cell) {
    var head = el('tr', {}, columns.map(function (column) {
      return el('th', { scope: 'col', class: column.numeric ? 'ops-number' : null, text: column.label });
    }));
    var body = rows.length
      ? rows.map(function (row) {
          return el('tr', { 'data-row': row.__key || null, class: row.__class || null }, columns.map(function (column) {
            var content = cell(row, column);
            return el('td', { class: column.numeric ? 'ops-number' : null, 'data-column': column.key }, [content]);
          }));
        })
      : [el('tr', {}, [el('td', { colspan: String(columns.length), class: 'ops-muted', text: t('page.empty') })])];
    return el('div', { class: 'ops-scroll' }, [
      el('table', { class: 'ops-table', 'data-table': name }, [el('thead', {}, [head]), el('tbody', {}, body)]),
    ]);
  }

  // ---- messages ----

  function setMessage(kind, text) {
    state.message = { kind: kind, text: text };
    renderMessage();
  }

  function renderMessage() {
    var node = element('ops-message');
    node.hidden = !state.message || !Staff.identity();
    node.className = 'ops-message' + (state.message && state.message.kind === 'problem' ? ' ops-message-problem' : '');
    node.textContent = state.message ? state.message.text : '';
  }

  /** An API refusal in the supervisor's words; a 401 is Staff's to handle (it shows the sign-in form). */
  function showProblem(error) {
    if (!(error instanceof Staff.ApiError)) return setMessage('problem', t('staff.errors.network'));
    if (error.status === 401) return;
    var code = error.body && error.body.error;
    if (error.status === 403) return setMessage('problem', t('staff.errors.forbidden'));
    if (code === 'wrong_status') {
      loadCampaigns();
      return setMessage('problem', t('page.campaigns.problem.wrongStatus'));
    }
    if (code === 'bad_request') {
      return setMessage('problem', t('page.campaigns.problem.badRequest', { detail: (error.body && error.body.detail) || '' }));
    }
    if (error.status === 404) return setMessage('problem', t('page.campaigns.problem.notFound'));
    setMessage('problem', t('staff.errors.failed', { status: error.status }));
  }

  /** Fetches a CSV with the session's token and saves it; a link with the token in it would leak it. */
  function downloadCsv(button, path, filename) {
    button.disabled = true;
    button.textContent = t('page.downloading');
    Staff.api('GET', path)
      .then(function (text) {
        var url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
        var link = el('a', { href: url, download: filename, hidden: true });
        document.body.append(link);
        link.click();
        link.remove();
        window.setTimeout(function () {
          URL.revokeObjectURL(url);
        }, 10000);
      })
      .catch(showProblem)
      .then(function () {
        button.disabled = false;
        button.textContent = t('page.downloadCsv');
      });
  }

  function csvButton(name, path, filename) {
    var button = el('button', { type: 'button', class: 'staff-secondary ops-small', 'data-csv': name, text: t('page.downloadCsv') });
    button.onclick = function () {
      downloadCsv(button, path, filename);
    };
    return button;
  }

  // ---- the frame ----

  function renderFrame() {
    var identity = Staff.identity();
    var allowed = isSupervisor(identity);
    document.title = t('page.title');
    element('ops-top').replaceChildren(Staff.header(t('page.title')));
    element('ops-sign-in').hidden = Boolean(identity);
    element('ops-work').hidden = !allowed;
    element('ops-forbidden').hidden = !identity || allowed;
    element('ops-forbidden').textContent = t('page.forbidden');
    element('ops-campaigns-title').textContent = t('page.campaigns.title');
    element('ops-campaigns-refresh').textContent = t('page.refresh');
    element('ops-new-title').textContent = t('page.campaigns.new.title');
    element('ops-daily-title').textContent = t('page.daily.title');
    element('ops-from-label').textContent = t('page.daily.from');
    element('ops-to-label').textContent = t('page.daily.to');
    element('ops-show').textContent = t('page.daily.show');
    renderMessage();
    if (!allowed) return;
    showSpan();
    renderCampaigns();
    renderFunnel();
    renderNewCampaign();
    renderDaily();
    OpsDesk.render();
  }

  function showSignIn() {
    stopLive();
    state.campaigns = null;
    state.daily = null;
    state.selected = null;
    state.funnel = null;
    state.message = null;
    renderFrame();
    Staff.signInForm(element('ops-sign-in'), start);
  }

  // ---- campaigns ----

  function loadCampaigns() {
    return Staff.api('GET', '/api/ops/campaigns')
      .then(function (body) {
        state.campaigns = body.campaigns;
        renderCampaigns();
      })
      .catch(showProblem);
  }

  function selectedCampaign() {
    if (!state.campaigns || !state.selected) return null;
    return state.campaigns.filter(function (campaign) {
      return campaign.id === state.selected;
    })[0] || null;
  }

  function criteriaText(criteria) {
    var parts = [];
    if (criteria.supplyCutHours !== undefined) parts.push(t('page.campaigns.criterion.supplyCutHours', { hours: number(criteria.supplyCutHours) }));
    if (criteria.balanceBelow !== undefined) parts.push(t('page.campaigns.criterion.balanceBelow', { amount: number(criteria.balanceBelow) }));
    if (criteria.noMobile) parts.push(t('page.campaigns.criterion.noMobile'));
    if (criteria.division) parts.push(t('page.campaigns.criterion.division', { division: criteria.division }));
    if (criteria.section) parts.push(t('page.campaigns.criterion.section', { section: criteria.section }));
    return parts.length ? parts.join(' · ') : t('page.campaigns.everyone');
  }

  /** The commands the campaign's status allows; the server has the last word (409 wrong_status). */
  function commandsFor(campaign) {
    if (campaign.status === 'draft') return ['start', 'stop'];
    if (campaign.status === 'running') return ['pause', 'stop'];
    if (campaign.status === 'paused') return ['start', 'stop'];
    return [];
  }

  function commandButton(campaign, command) {
    var confirming = command === 'stop' && state.confirmStop === campaign.id;
    var text = command === 'start' && campaign.status === 'paused' ? t('page.campaigns.action.resume') : t('page.campaigns.action.' + command);
    var button = el('button', {
      type: 'button',
      class: command === 'stop' ? 'staff-danger' : command === 'start' ? 'staff-primary' : 'staff-secondary',
      'data-command': command,
      text: confirming ? t('page.campaigns.action.confirmStop') : text,
    });
    button.onclick = function () {
      // Stopping is for good: the first press asks, the second stops.
      if (command === 'stop' && !confirming) {
        state.confirmStop = campaign.id;
        renderCampaigns();
        return;
      }
      state.confirmStop = null;
      button.disabled = true;
      Staff.api('POST', '/api/ops/campaigns/' + encodeURIComponent(campaign.id) + '/' + command)
        .then(function (updated) {
          replaceCampaign(updated);
          state.message = null;
          renderMessage();
          if (state.selected === updated.id) loadFunnel();
          keepLive();
        })
        .catch(showProblem)
        .then(renderCampaigns);
    };
    return button;
  }

  function replaceCampaign(updated) {
    state.campaigns = (state.campaigns || []).map(function (campaign) {
      return campaign.id === updated.id ? updated : campaign;
    });
  }

  function renderCampaigns() {
    var container = element('ops-campaigns');
    if (!state.campaigns) {
      container.replaceChildren(el('p', { class: 'ops-muted', text: t('page.campaigns.loading') }));
      return;
    }
    if (state.campaigns.length === 0) {
      container.replaceChildren(el('p', { class: 'ops-muted', text: t('page.campaigns.empty') }));
      return;
    }
    var columns = [
      { key: 'name', label: t('page.campaigns.name') },
      { key: 'status', label: t('page.campaigns.status') },
      { key: 'criteria', label: t('page.campaigns.criteria') },
      { key: 'language', label: t('page.campaigns.language') },
      { key: 'createdAt', label: t('page.campaigns.createdAt') },
      { key: 'progress', label: t('page.campaigns.progress'), numeric: true },
      { key: 'actions', label: t('page.campaigns.actions') },
    ];
    var rows = state.campaigns.map(function (campaign) {
      return Object.assign({ __key: campaign.id, __class: campaign.id === state.selected ? 'ops-selected' : null }, campaign);
    });
    container.replaceChildren(table('campaigns', columns, rows, function (campaign, column) {
      switch (column.key) {
        case 'name':
          return campaign.name;
        case 'status':
          return el('span', { class: 'ops-status ops-status-' + campaign.status, text: label('campaigns.statuses', campaign.status) });
        case 'criteria':
          return criteriaText(campaign.criteria || {});
        case 'language':
          return label('campaigns.languages', campaign.language);
        case 'createdAt':
          return time(campaign.createdAt);
        case 'progress':
          return [campaign.counts.targeted, campaign.counts.sent, campaign.counts.replied].map(number).join(' / ');
        default: {
          var funnel = el('button', { type: 'button', class: 'staff-secondary', 'data-command': 'funnel', text: t('page.campaigns.action.funnel') });
          funnel.onclick = function () {
            openFunnel(campaign.id);
          };
          return el('div', { class: 'ops-actions' }, commandsFor(campaign).map(function (command) {
            return commandButton(campaign, command);
          }).concat([funnel]));
        }
      }
    }));
  }

  function renderNewCampaign() {
    var field = function (name, attributes) {
      return el('label', {}, [
        el('span', { text: t('page.campaigns.new.' + name) }),
        el('input', Object.assign({ name: name, id: 'ops-new-' + name }, attributes)),
      ]);
    };
    var language = el('select', { name: 'language', id: 'ops-new-language' }, ['hi', 'en'].map(function (code) {
      return el('option', { value: code, text: label('campaigns.languages', code) });
    }));
    var submit = el('button', { type: 'submit', class: 'staff-primary', text: t('page.campaigns.new.create') });
    var form = el('form', { class: 'ops-form', id: 'ops-new-form' }, [
      el('p', { class: 'ops-hint ops-wide', text: t('page.campaigns.new.hint') }),
      el('label', { class: 'ops-wide' }, [
        el('span', { text: t('page.campaigns.new.name') }),
        el('input', { name: 'name', id: 'ops-new-name', required: true, maxlength: '120' }),
      ]),
      field('supplyCutHours', { type: 'number', min: '0', step: '1', inputmode: 'numeric' }),
      field('balanceBelow', { type: 'number', step: '1', inputmode: 'numeric' }),
      field('division', { maxlength: '100' }),
      field('section', { maxlength: '100' }),
      el('label', { class: 'ops-check ops-wide' }, [
        el('input', { type: 'checkbox', name: 'noMobile', id: 'ops-new-noMobile' }),
        el('span', { text: t('page.campaigns.new.noMobile') }),
      ]),
      el('label', {}, [el('span', { text: t('page.campaigns.new.language') }), language]),
      el('div', { class: 'ops-wide' }, [submit]),
    ]);
    form.onsubmit = function (event) {
      event.preventDefault();
      submit.disabled = true;
      submit.textContent = t('page.campaigns.new.creating');
      Staff.api('POST', '/api/ops/campaigns', campaignRequest(form))
        .then(function (campaign) {
          state.campaigns = [campaign].concat((state.campaigns || []).filter(function (other) {
            return other.id !== campaign.id;
          }));
          form.reset();
          setMessage('ok', t('page.campaigns.new.created', { name: campaign.name }));
          renderCampaigns();
        })
        .catch(showProblem)
        .then(function () {
          submit.disabled = false;
          submit.textContent = t('page.campaigns.new.create');
        });
    };
    // The form is drawn again in the other language: what the supervisor had typed stays.
    keepValues(element('ops-new-form'), form);
    element('ops-new-body').replaceChildren(form);
  }

  function keepValues(from, to) {
    if (!from) return;
    Array.prototype.forEach.call(from.elements, function (field) {
      var twin = field.name ? to.elements[field.name] : null;
      if (!twin) return;
      if (field.type === 'checkbox') twin.checked = field.checked;
      else twin.value = field.value;
    });
  }

  /** The form as the API takes it: only the criteria that were filled in. */
  function campaignRequest(form) {
    var values = form.elements;
    var criteria = {};
    ['supplyCutHours', 'balanceBelow'].forEach(function (name) {
      if (values[name].value !== '') criteria[name] = Number(values[name].value);
    });
    ['division', 'section'].forEach(function (name) {
      var text = values[name].value.trim();
      if (text) criteria[name] = text;
    });
    if (values.noMobile.checked) criteria.noMobile = true;
    return { name: values.name.value.trim(), criteria: criteria, language: values.language.value };
  }

  // ---- one campaign's funnel ----

  function openFunnel(id) {
    state.selected = state.selected === id ? null : id;
    state.funnel = null;
    renderCampaigns();
    renderFunnel();
    if (state.selected) loadFunnel();
    keepLive();
  }

  function funnelPath() {
    return '/api/ops/campaigns/' + encodeURIComponent(state.selected) + '/funnel?by=' + state.funnelBy;
  }

  function loadFunnel() {
    if (!state.selected) return Promise.resolve();
    var asked = funnelPath();
    return Staff.api('GET', asked)
      .then(function (body) {
        if (asked !== funnelPath()) return;
        state.funnel = body.rows;
        renderFunnel();
      })
      .catch(showProblem);
  }

  function renderFunnel() {
    var container = element('ops-funnel');
    var campaign = selectedCampaign();
    container.hidden = !campaign;
    if (!campaign) return container.replaceChildren();
    var counts = campaign.counts;
    var top = Math.max(counts.targeted, 1);
    var stages = el('ol', { class: 'ops-stages', 'aria-label': t('page.funnel.title', { name: campaign.name }) }, STAGES.map(function (stage) {
      return el('li', { class: 'ops-stage', 'data-stage': stage }, [
        el('span', { text: t('page.funnel.' + stage) }),
        el('strong', { 'data-testid': 'funnel-' + stage, text: number(counts[stage]) }),
        el('div', { class: 'ops-bar', 'data-share': String(counts[stage] / top) }),
      ]);
    }));
    // CSP forbids inline style attributes from markup, but setting them from a script is allowed.
    Array.prototype.forEach.call(stages.querySelectorAll('.ops-bar'), function (bar) {
      bar.style.width = Math.round(Number(bar.getAttribute('data-share')) * 100) + '%';
    });
    var toggle = el('div', { class: 'ops-toggle', role: 'group' }, ['division', 'day'].map(function (by) {
      var button = el('button', {
        type: 'button',
        class: 'staff-secondary ops-small',
        'aria-pressed': String(state.funnelBy === by),
        'data-by': by,
        text: t(by === 'division' ? 'page.funnel.byDivision' : 'page.funnel.byDay'),
      });
      button.onclick = function () {
        state.funnelBy = by;
        state.funnel = null;
        renderFunnel();
        loadFunnel();
      };
      return button;
    }));
    var close = el('button', { type: 'button', class: 'staff-secondary ops-small', text: t('page.funnel.close') });
    close.onclick = function () {
      openFunnel(campaign.id);
    };
    var columns = [{ key: 'key', label: t(state.funnelBy === 'division' ? 'page.funnel.division' : 'page.funnel.day') }].concat(
      STAGES.map(function (stage) {
        return { key: stage, label: t('page.funnel.' + stage), numeric: true };
      }),
    );
    var rows = (state.funnel || []).map(function (row) {
      return Object.assign({ __key: row.key }, row);
    });
    var parts = [
      el('div', { class: 'ops-table-head' }, [
        el('h3', { text: t('page.funnel.title', { name: campaign.name }) }),
        el('div', { class: 'ops-actions' }, [
          toggle,
          csvButton('funnel', funnelPath() + '&format=csv', 'sampark-campaign-' + campaign.id + '-by-' + state.funnelBy + '.csv'),
          close,
        ]),
      ]),
      stages,
      el('p', {
        class: 'ops-hint',
        text: t('page.funnel.totals', {
          failed: number(counts.failed),
          optedOut: number(counts.optedOut),
          visitNeeded: number(counts.visitNeeded),
          visited: number(counts.visited),
        }),
      }),
      campaign.status === 'running' ? el('p', { class: 'ops-hint', text: t('page.funnel.live') }) : null,
      state.funnel
        ? table('funnel', columns, rows, function (row, column) {
            if (column.key === 'key') return state.funnelBy === 'day' ? day(row.key) : row.key;
            return number(row[column.key]);
          })
        : el('p', { class: 'ops-muted', text: t('page.campaigns.loading') }),
    ];
    container.replaceChildren.apply(container, parts.filter(Boolean));
  }

  // ---- live refresh while a campaign runs ----

  function anyRunning() {
    return (state.campaigns || []).some(function (campaign) {
      return campaign.status === 'running';
    });
  }

  function keepLive() {
    if (liveTimer !== null) return;
    liveTimer = window.setInterval(function () {
      if (!isSupervisor(Staff.identity())) return stopLive();
      if (document.visibilityState !== 'visible' || !anyRunning()) return;
      loadCampaigns().then(function () {
        renderFunnel();
        return loadFunnel();
      });
    }, LIVE_MS);
  }

  function stopLive() {
    if (liveTimer !== null) window.clearInterval(liveTimer);
    liveTimer = null;
  }

  // ---- the daily figures ----

  function spanQuery() {
    return 'from=' + encodeURIComponent(state.span.from) + '&to=' + encodeURIComponent(state.span.to);
  }

  function loadDaily() {
    state.dailyLoading = true;
    renderDaily();
    return Staff.api('GET', '/api/ops/daily?' + spanQuery())
      .then(function (figures) {
        state.daily = figures;
      })
      .catch(showProblem)
      .then(function () {
        state.dailyLoading = false;
        renderDaily();
      });
  }

  function dailySection(name, title, columns, rows, cell) {
    var file = 'sampark-' + name + '-' + state.span.from + '-' + state.span.to + '.csv';
    return el('section', { class: 'ops-daily-table', 'data-section': name }, [
      el('div', { class: 'ops-table-head' }, [
        el('h3', { text: title }),
        csvButton(name, '/api/ops/daily.csv?table=' + name + '&' + spanQuery(), file),
      ]),
      table(name, columns, rows, cell),
    ]);
  }

  /** Only on (re)drawing the page and on a new span: a refresh must not undo dates being typed. */
  function showSpan() {
    element('ops-from').value = state.span.from;
    element('ops-to').value = state.span.to;
  }

  function renderDaily() {
    var container = element('ops-daily');
    if (!state.daily) {
      container.replaceChildren(el('p', { class: 'ops-muted', text: state.dailyLoading ? t('page.daily.loading') : '' }));
      return;
    }
    var figures = state.daily;
    var numeric = function (key, group) {
      return { key: key, label: t('page.daily.' + group + '.' + key), numeric: true };
    };
    container.replaceChildren(
      dailySection('days', t('page.daily.days.title'), [
        { key: 'date', label: t('page.daily.days.date') },
        numeric('conversations', 'days'),
        numeric('containedByBot', 'days'),
        numeric('containedShare', 'days'),
        numeric('handedToAgents', 'days'),
        numeric('ticketsOpened', 'days'),
        numeric('ticketsResolvedWithinSla', 'days'),
      ], figures.days.slice().reverse().map(function (row) {
        return Object.assign({ __key: row.date }, row);
      }), function (row, column) {
        if (column.key === 'date') return day(row.date);
        if (column.key === 'containedShare') return share(row.containedShare);
        return number(row[column.key]);
      }),
      dailySection('tickets', t('page.daily.tickets.title'), [
        { key: 'division', label: t('page.daily.tickets.division') },
        { key: 'category', label: t('page.daily.tickets.category') },
        numeric('opened', 'tickets'),
        numeric('resolvedWithinSla', 'tickets'),
        numeric('resolvedLate', 'tickets'),
      ], figures.ticketsByDivision, function (row, column) {
        if (column.key === 'division') return row.division === null ? t('page.daily.tickets.unknownDivision') : row.division;
        if (column.key === 'category') return label('category', row.category);
        return number(row[column.key]);
      }),
      dailySection('intents', t('page.daily.intents.title'), [
        { key: 'intent', label: t('page.daily.intents.intent') },
        numeric('count', 'intents'),
      ], figures.topIntents, function (row, column) {
        return column.key === 'intent' ? label('intent', row.intent) : number(row.count);
      }),
    );
  }

  // ---- start ----

  function start() {
    state.message = null;
    renderFrame();
    if (!isSupervisor(Staff.identity())) return;
    loadCampaigns().then(keepLive);
    loadDaily();
    OpsDesk.start();
    if (dailyTimer === null) {
      dailyTimer = window.setInterval(function () {
        if (document.visibilityState === 'visible' && isSupervisor(Staff.identity())) loadDaily();
      }, DAILY_MS);
    }
  }

  element('ops-span').addEventListener('submit', function (event) {
    event.preventDefault();
    var from = element('ops-from').value;
    var to = element('ops-to').value;
    if (!from || !to) return;
    state.span = from <= to ? { from: from, to: to } : { from: to, to: from };
    showSpan();
    loadDaily();
  });
  element('ops-campaigns-refresh').addEventListener('click', function () {
    loadCampaigns().then(loadFunnel);
    loadDaily();
  });
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'visible' && isSupervisor(Staff.identity()) && anyRunning()) loadCampaigns().then(loadFunnel);
  });

  var today = istToday();
  state.span = { from: shiftDate(today, -6), to: today };
  Staff.onLanguage(renderFrame);
  Staff.onSignedOut(showSignIn);
  if (Staff.identity()) start();
  else showSignIn();
})();
