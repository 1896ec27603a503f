/*
 * The field page: a lineman, JE or SDO on a phone, all day. After signing in (Staff.signInForm) it
 * lists the tickets of the user's area soonest due first, filters them, and works each with one tap
 * (accept, on the way, work started) or a short form (hold, note, resolve with a closure code,
 * cannot complete). Supervising roles also see the alerts of their area (SLA breaches). Everything
 * goes through the field API; the server decides what is allowed, the page only offers what the
 * ticket's status makes sensible.
 */
(function () {
  'use strict';

  var STATUSES = ['open', 'assigned', 'accepted', 'on_the_way', 'in_progress', 'on_hold', 'resolved', 'cannot_complete', 'closed'];
  var CATEGORIES = [
    'payment_not_credited', 'relay_not_reconnecting', 'meter_not_communicating', 'meter_defective',
    'meter_test', 'area_outage', 'fraud_report', 'callback', 'sampark_visit', 'other',
  ];
  var CLOSURE_CODES = [
    'supply_restored', 'relay_reconnected', 'communication_restored', 'meter_replaced', 'meter_tested_ok',
    'payment_credited', 'consumer_side_fault', 'duplicate', 'other',
  ];
  var SUPERVISING = ['je', 'sdo', 'field_supervisor'];
  /** The list refreshes itself this often while the page is visible: tickets arrive all day. */
  var POLL_MS = 60000;
  /** A resolution photo's longer side, and its size as base64 (the server keeps at most 160 KiB). */
  var PHOTO_MAX_SIDE = 1280;
  var PHOTO_MAX_BASE64 = Math.floor(160 * 1024 / 3) * 4;
  /** A success toast goes away by itself after this long; a problem stays until tapped. */
  var TOAST_MS = 8000;

  /**
   * What each button does: the API path under the ticket, its body, and the form it needs first.
   * `from` mirrors the lifecycle's rules so only sensible buttons show; the server has the last word.
   */
  var ACTIONS = {
    accept: { from: ['open', 'assigned'], path: 'accept', body: function () { return {}; } },
    assign: {
      from: ['open', 'assigned'],
      path: 'assign',
      supervising: true,
      fields: [{ name: 'assignee', kind: 'assignee', label: 'page.action.assignee' }],
      body: function (values) {
        var chosen = state.assignees.filter(function (member) { return member.username === values.assignee; })[0];
        return { username: chosen.username, role: chosen.role };
      },
    },
    on_the_way: { from: ['accepted'], path: 'status', body: function () { return { status: 'on_the_way' }; } },
    in_progress: { from: ['accepted', 'on_the_way'], path: 'status', body: function () { return { status: 'in_progress' }; } },
    resolve: {
      from: ['accepted', 'on_the_way', 'in_progress'],
      path: 'resolve',
      fields: [
        { name: 'closureCode', kind: 'closure', label: 'page.action.closureCode' },
        { name: 'note', kind: 'text', label: 'page.action.resolveNote' },
        { name: 'meterReading', kind: 'reading', label: 'page.action.meterReading' },
        { name: 'photo', kind: 'photo', label: 'page.action.photo' },
      ],
      body: function (values) {
        var body = { closureCode: values.closureCode, note: values.note };
        if (values.meterReading !== '') body.meterReading = Number(values.meterReading);
        if (values.photo) body.photo = values.photo;
        return body;
      },
    },
    on_hold: {
      from: ['assigned', 'accepted', 'on_the_way', 'in_progress'],
      path: 'status',
      fields: [{ name: 'reason', kind: 'text', label: 'page.action.holdReason' }],
      body: function (values) { return { status: 'on_hold', reason: values.reason }; },
    },
    resumed: { from: ['on_hold'], path: 'status', body: function () { return { status: 'resumed' }; } },
    'cannot-complete': {
      from: ['accepted', 'on_the_way', 'in_progress', 'on_hold'],
      path: 'cannot-complete',
      fields: [{ name: 'reason', kind: 'text', label: 'page.action.cannotCompleteReason' }],
      body: function (values) { return { reason: values.reason }; },
    },
    note: {
      from: ['open', 'assigned', 'accepted', 'on_the_way', 'in_progress', 'on_hold', 'resolved', 'cannot_complete'],
      path: 'notes',
      fields: [{ name: 'text', kind: 'text', label: 'page.action.noteText' }],
      body: function (values) { return { text: values.text }; },
    },
    close: { from: ['resolved', 'cannot_complete'], path: 'close', supervising: true, body: function () { return {}; } },
  };

  var state = {
    tickets: null,
    /** The ticket whose details are open, and its detail once loaded. */
    expanded: null,
    detail: null,
    /** The ticket and action whose form is open. */
    form: null,
    /** Whom the ticket with the open assign form can go to. */
    assignees: [],
    /** The consumer unmasked for the expanded ticket, after an audited reveal; never kept beyond it. */
    revealed: null,
    /** The expanded ticket's audit trail, for supervising roles who asked for it. */
    trail: null,
    /** The resolution photo asked for, once loaded. */
    photo: null,
    alerts: null,
    alertsOpen: false,
    loadedAt: null,
    message: null,
  };
  var pollTimer = null;
  var toastTimer = null;

  function element(id) {
    return document.getElementById(id);
  }

  function t(key, params) {
    return Staff.t(key, params);
  }

  /** A DOM element with attributes and children; text is always set as text, never parsed as HTML. */
  function h(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      var value = attributes[name];
      if (value === null || value === undefined || value === false) return;
      if (name === 'text') node.textContent = value;
      else if (name === 'onclick') node.addEventListener('click', value);
      else node.setAttribute(name, value === true ? '' : value);
    });
    (children || []).forEach(function (child) {
      if (child) node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    });
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  /** "SP28461937" as "SP-2846-1937", the way it is read out on the phone. */
  function shownNumber(number) {
    return /^SP\d{8}$/.test(number) ? 'SP-' + number.slice(2, 6) + '-' + number.slice(6) : number;
  }

  function time(iso) {
    if (!iso) return '';
    return new Intl.DateTimeFormat(Staff.lang === 'hi' ? 'hi-IN' : 'en-IN', {
      timeZone: 'Asia/Kolkata',
      day: 'numeric',
      month: 'short',
      hour: 'numeric',
      minute: '2-digit',
    }).format(new Date(iso));
  }

  function isSupervising(identity) {
    return SUPERVISING.indexOf(identity.role) >= 0;
  }

  function areaName(area) {
    if (!area) return t('page.noArea');
    return area.section || area.subDivision || area.division || area.circle || t('page.noArea');
  }

  // ---- the frame: title, language, identity, sign-in ----

  function renderFrame() {
    var identity = Staff.identity();
    document.title = t('page.title');
    element('field-top').replaceChildren(Staff.header(t('page.title')));
    element('field-work').hidden = !identity;
    element('field-sign-in').hidden = Boolean(identity);
    element('field-alerts-button').hidden = !(identity && isSupervising(identity));
    element('field-alerts-label').textContent = t('page.alerts.button');
    element('field-area').textContent = identity ? t('page.area', { area: areaName(identity.area) }) : '';
    renderFilters();
    renderMessage();
    renderTickets();
    renderAlerts();
    renderVisitLists();
    renderOffline();
  }

  function renderFilters() {
    element('field-status-label').textContent = t('page.filters.status');
    element('field-category-label').textContent = t('page.filters.category');
    element('field-overdue-label').textContent = t('page.filters.overdueOnly');
    element('field-refresh').textContent = t('page.refresh');
    fillSelect(element('field-status'), [
      { value: '', label: t('page.filters.openOnly') },
      { value: 'all', label: t('page.filters.everything') },
    ].concat(STATUSES.map(function (status) { return { value: status, label: t('page.status.' + status) }; })));
    element('field-section-label').textContent = t('page.filters.locality');
    element('field-sort-label').textContent = t('page.filters.sort');
    fillSelect(element('field-section'), [{ value: '', label: t('page.filters.anyLocality') }].concat(
      (state.sections || []).map(function (section) { return { value: section, label: section }; }),
    ));
    fillSelect(element('field-sort'), [
      { value: 'due', label: t('page.filters.sortDue') },
      { value: 'locality', label: t('page.filters.sortLocality') },
    ]);
    fillSelect(element('field-category'), [{ value: '', label: t('page.filters.anyCategory') }].concat(
      CATEGORIES.map(function (category) { return { value: category, label: t('page.category.' + category) }; }),
    ));
  }

  /** Replaces a select's options in the current language, keeping the chosen value. */
  function fillSelect(select, options) {
    var chosen = select.value;
    clear(select);
    options.forEach(function (option) {
      select.appendChild(h('option', { value: option.value, text: option.label }));
    });
    select.value = chosen;
    // A choice no longer offered (a locality without tickets now) falls back to the first option.
    if (select.selectedIndex < 0) select.selectedIndex = 0;
  }

  function showSignIn() {
    stopPolling();
    forgetCachedTickets();
    state.cachedAt = null;
    state.tickets = null;
    state.alerts = null;
    state.visitLists = null;
    state.expanded = null;
    state.detail = null;
    state.revealed = null;
    state.trail = null;
    state.form = null;
    state.message = null;
    renderFrame();
    var container = element('field-sign-in');
    Staff.signInForm(container, startWork);
  }

  // ---- the list ----

  function listQuery() {
    var status = element('field-status').value;
    var parameters = [];
    if (status === 'all') parameters.push('view=all');
    else if (status) parameters.push('status=' + encodeURIComponent(status));
    var category = element('field-category').value;
    if (category) parameters.push('category=' + encodeURIComponent(category));
    var section = element('field-section').value;
    if (section) parameters.push('section=' + encodeURIComponent(section));
    if (element('field-sort').value === 'locality') parameters.push('sort=locality');
    if (element('field-overdue').checked) parameters.push('overdue=true');
    return parameters.length ? '?' + parameters.join('&') : '';
  }

  function loadTickets() {
    return Staff.api('GET', '/api/field/tickets' + listQuery())
      .then(function (body) {
        state.tickets = body.tickets;
        state.total = body.total;
        // From the phone's cache (sw.js) when the network did not answer: as of when it was fetched.
        state.cachedAt = body.cachedAt || null;
        applyWaiting();
        renderOffline();
        // The localities to choose from are those of the tickets the other filters leave.
        state.sections = body.sections;
        renderFilters();
        state.loadedAt = body.cachedAt || new Date().toISOString();
        if (state.expanded && !body.tickets.some(function (ticket) { return ticket.number === state.expanded; })) {
          state.expanded = null;
          state.detail = null;
          state.revealed = null;
        }
        renderTickets();
      })
      .catch(showProblem);
  }

  function renderTickets() {
    var list = element('field-tickets');
    clear(list);
    if (!Staff.identity()) return;
    if (state.tickets === null) {
      element('field-count').textContent = t('page.list.loading');
      return;
    }
    var shown = state.total > state.tickets.length
      ? t('page.list.countOf', { count: state.tickets.length, total: state.total })
      : t('page.list.count', { count: state.tickets.length });
    element('field-count').textContent = shown +
      (state.loadedAt ? ' · ' + t('page.updatedAt', { time: time(state.loadedAt) }) : '');
    if (state.tickets.length === 0) {
      list.appendChild(h('li', { class: 'field-empty', text: t('page.list.empty') }));
      return;
    }
    state.tickets.forEach(function (ticket) {
      list.appendChild(renderTicket(ticket));
    });
  }

  function renderTicket(ticket) {
    var classes = ['field-ticket', 'field-priority-' + ticket.priority];
    if (ticket.overdue) classes.push('field-ticket-overdue');
    var expanded = state.expanded === ticket.number;
    var card = h('li', { class: classes.join(' '), 'data-number': ticket.number, 'data-status': ticket.status }, [
      h('div', { class: 'field-ticket-head' }, [
        h('strong', { class: 'field-number', text: shownNumber(ticket.number) }),
        h('span', { class: 'field-tag field-status-' + ticket.status, 'data-role': 'status', text: t('page.status.' + ticket.status) }),
        ticket.priority !== 'normal' ? h('span', { class: 'field-tag field-tag-priority', text: t('page.priority.' + ticket.priority) }) : null,
        ticket.waiting && ticket.waiting.length
          ? h('span', { class: 'field-tag field-tag-waiting', 'data-role': 'waiting', text: t('page.offline.waiting') })
          : null,
      ]),
      h('p', { class: 'field-category', text: t('page.category.' + ticket.category) + (ticket.caNumber ? ' · ' + t('page.list.caNumber', { ca: ticket.caNumber }) : '') }),
      h('p', { class: 'field-due' }, [
        t('page.list.due', { time: time(ticket.dueAt) }),
        ticket.overdue ? h('span', { class: 'field-tag field-tag-overdue', 'data-role': 'overdue', text: t('page.list.overdue') }) : null,
        ticket.breached ? h('span', { class: 'field-tag field-tag-breached', text: t('page.list.breached') }) : null,
      ]),
      h('p', {
        class: 'field-assignee',
        text: ticket.assignee
          ? t('page.list.heldBy', { name: ticket.assignee.name || ticket.assignee.username, role: t('staff.roles.' + ticket.assignee.role) })
          : t('page.list.unassigned') + ' · ' + areaName(ticket.area),
      }),
      renderActions(ticket),
      state.form && state.form.number === ticket.number ? renderForm(ticket, state.form.action) : null,
      h('button', {
        type: 'button',
        class: 'field-link',
        'aria-expanded': expanded ? 'true' : 'false',
        text: expanded ? t('page.list.hideDetails') : t('page.list.details'),
        onclick: function () { toggleDetail(ticket.number); },
      }),
      expanded ? renderDetail() : null,
    ]);
    return card;
  }

  /** The buttons that make sense for this ticket and this user. */
  function renderActions(ticket) {
    var identity = Staff.identity();
    var someoneElses = identity.role === 'lineman' && ticket.assignee && ticket.assignee.username !== identity.username;
    var buttons = Object.keys(ACTIONS)
      .filter(function (name) {
        var action = ACTIONS[name];
        if (action.from.indexOf(ticket.status) < 0) return false;
        if (action.supervising) return isSupervising(identity);
        return name === 'note' || !someoneElses;
      })
      .map(function (name) {
        var primary = name === 'accept' || name === 'on_the_way' || name === 'in_progress' || name === 'resolve';
        return h('button', {
          type: 'button',
          class: 'field-action' + (primary ? ' field-action-primary' : ''),
          'data-action': name,
          text: t('page.action.' + name),
          onclick: function () { startAction(ticket, name); },
        });
      });
    return h('div', { class: 'field-actions' }, buttons);
  }

  function startAction(ticket, name) {
    if (name === 'assign') {
      Staff.api('GET', '/api/field/tickets/' + encodeURIComponent(ticket.number) + '/assignees')
        .then(function (body) {
          state.assignees = body.assignees;
          openForm(ticket, name);
        })
        .catch(showProblem);
      return;
    }
    if (ACTIONS[name].fields) {
      openForm(ticket, name);
      return;
    }
    act(ticket, name, {});
  }

  function openForm(ticket, name) {
    state.form = { number: ticket.number, action: name };
    // The toast sits at the bottom of the screen, where the form's buttons may be.
    dismissMessage();
    renderTickets();
    var first = document.querySelector('.field-form [name]');
    if (first) first.focus();
  }

  function renderForm(ticket, name) {
    var action = ACTIONS[name];
    var form = h('form', { class: 'field-form', 'data-form': name }, action.fields.map(function (field) {
      return h('label', { class: 'field-form-field' }, [h('span', { text: t(field.label) }), formInput(field)]);
    }).concat([
      h('div', { class: 'field-actions' }, [
        h('button', { type: 'submit', class: 'field-action field-action-primary', text: t('page.action.save') }),
        h('button', {
          type: 'button',
          class: 'field-action',
          text: t('page.action.cancel'),
          onclick: function () {
            state.form = null;
            renderTickets();
          },
        }),
      ]),
    ]));
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var values = {};
      var photoFile = null;
      action.fields.forEach(function (field) {
        if (field.kind === 'photo') photoFile = form.elements[field.name].files[0] || null;
        else values[field.name] = form.elements[field.name].value.trim();
      });
      if (!photoFile) {
        act(ticket, name, values);
        return;
      }
      shrinkPhoto(photoFile)
        .then(function (photo) {
          values.photo = photo;
          act(ticket, name, values);
        })
        .catch(function () {
          setMessage('problem', t('page.outcome.problem.photo_unreadable'));
        });
    });
    return form;
  }

  function formInput(field) {
    if (field.kind === 'closure') {
      return choice(field.name, t('page.action.chooseClosureCode'), CLOSURE_CODES.map(function (code) {
        return { value: code, label: t('page.closureCode.' + code) };
      }));
    }
    if (field.kind === 'assignee') {
      var placeholder = state.assignees.length ? t('page.action.chooseAssignee') : t('page.action.noAssignees');
      return choice(field.name, placeholder, state.assignees.map(function (member) {
        return { value: member.username, label: member.name + ' (' + t('staff.roles.' + member.role) + ')' };
      }));
    }
    if (field.kind === 'reading') {
      return h('input', { name: field.name, type: 'number', inputmode: 'decimal', min: '0', max: '9999999.99', step: '0.01' });
    }
    if (field.kind === 'photo') return h('input', { name: field.name, type: 'file', accept: 'image/*', capture: 'environment' });
    return h('textarea', { name: field.name, rows: '2', maxlength: '2000', required: true });
  }

  /**
   * A camera photo made small enough to send on 2G and to be kept (the server takes 160 KiB): at most
   * 1280 px on its longer side, as JPEG, the quality lowered until it fits.
   */
  function shrinkPhoto(file) {
    return createImageBitmap(file).then(function (image) {
      var scale = Math.min(1, PHOTO_MAX_SIDE / Math.max(image.width, image.height));
      var canvas = document.createElement('canvas');
      canvas.width = Math.max(1, Math.round(image.width * scale));
      canvas.height = Math.max(1, Math.round(image.height * scale));
      canvas.getContext('2d').drawImage(image, 0, 0, canvas.width, canvas.height);
      var quality = 0.8;
      var data = canvas.toDataURL('image/jpeg', quality).split(',')[1];
      while (data.length > PHOTO_MAX_BASE64 && quality > 0.2) {
        quality -= 0.15;
        data = canvas.toDataURL('image/jpeg', quality).split(',')[1];
      }
      if (data.length > PHOTO_MAX_BASE64) throw new Error('photo too large');
      return { contentType: 'image/jpeg', data: data };
    });
  }

  /** A required select whose first, empty option says what to choose. */
  function choice(name, placeholder, options) {
    return h('select', { name: name, required: true }, [h('option', { value: '', text: placeholder })].concat(
      options.map(function (option) { return h('option', { value: option.value, text: option.label }); }),
    ));
  }

  /** Sends one action; the answer says whether the consumer was told. */
  function act(ticket, name, values) {
    var action = ACTIONS[name];
    var buttons = document.querySelectorAll('[data-number="' + ticket.number + '"] button');
    Array.prototype.forEach.call(buttons, function (button) { button.disabled = true; });
    var item = {
      id: FieldQueue.newId(),
      number: ticket.number,
      name: name,
      path: action.path,
      body: action.body(values),
      tappedAt: new Date().toISOString(),
    };
    // Without a network, or behind actions still waiting, it waits its turn: they go in tapped order.
    if (!navigator.onLine || FieldQueue.waiting(username()).length > 0) return queue(item);
    return send(item)
      .then(function (body) {
        state.form = null;
        var number = shownNumber(body.ticket.number);
        var status = t('page.status.' + body.ticket.status);
        if (body.consumerNotified === null) setMessage('ok', t('page.outcome.noted', { number: number }));
        else setMessage(body.consumerNotified ? 'ok' : 'warning', t(body.consumerNotified ? 'page.outcome.told' : 'page.outcome.notTold', { number: number, status: status }));
        if (state.expanded === ticket.number) loadDetail(ticket.number);
        return loadTickets();
      })
      .catch(function (error) {
        // The network went while it was sent: it waits like any action tapped offline.
        if (!(error instanceof Staff.ApiError)) return queue(item);
        showProblem(error);
        // Refused because the ticket moved on (someone else took it, it was finished, it left the area):
        // show it as it is now, or the same refused button stays on screen to be tapped again.
        if ([403, 404, 409].indexOf(error.status) >= 0) {
          state.form = null;
          return loadTickets();
        }
        renderTickets();
      });
  }

  function send(item) {
    return Staff.api('POST', '/api/field/tickets/' + encodeURIComponent(item.number) + '/' + item.path, item.body);
  }

  function username() {
    var identity = Staff.identity();
    return identity ? identity.username : '';
  }

  // ---- actions waiting for the network ----

  /** What the ticket's status will be once a waiting action is taken; null when it stays (a note). */
  var EXPECTED_STATUS = {
    accept: 'accepted',
    assign: 'assigned',
    on_the_way: 'on_the_way',
    in_progress: 'in_progress',
    resolve: 'resolved',
    on_hold: 'on_hold',
    resumed: 'accepted',
    'cannot-complete': 'cannot_complete',
    note: null,
    close: 'closed',
  };

  function queue(item) {
    FieldQueue.add(username(), item);
    state.form = null;
    applyWaiting();
    setMessage('warning', t('page.offline.queued', { number: shownNumber(item.number), action: t('page.action.' + item.name) }));
    renderTickets();
    renderOffline();
  }

  /** Shows the list as it will be: each waiting action's ticket with its expected status, marked as waiting. */
  function applyWaiting() {
    if (!state.tickets) return;
    var waiting = FieldQueue.waiting(username());
    state.tickets.forEach(function (ticket) {
      var mine = waiting.filter(function (item) { return item.number === ticket.number; });
      ticket.waiting = mine.map(function (item) { return item.name; });
      mine.forEach(function (item) {
        if (EXPECTED_STATUS[item.name]) ticket.status = EXPECTED_STATUS[item.name];
      });
    });
  }

  var flushing = false;

  /**
   * Sends the waiting actions one by one in tapped order. One the server refuses (the ticket moved on
   * meanwhile) is kept as a conflict to show, never dropped; a network failure stops the round until
   * the network is back.
   */
  function flush() {
    if (flushing || !navigator.onLine || !Staff.identity()) return Promise.resolve();
    var user = username();
    var sentCount = 0;
    flushing = true;
    function next() {
      var item = FieldQueue.waiting(user)[0];
      if (!item) return Promise.resolve();
      return send(item).then(
        function () {
          FieldQueue.sent(user, item.id);
          sentCount += 1;
          return next();
        },
        function (error) {
          if (!(error instanceof Staff.ApiError) || error.status === 401) return;
          FieldQueue.refused(user, item, (error.body && error.body.error) || 'unknown');
          return next();
        },
      );
    }
    return next().then(function () {
      flushing = false;
      var conflicts = FieldQueue.conflicts(user).length;
      if (sentCount > 0 || conflicts > 0) {
        if (conflicts > 0) setMessage('problem', t('page.offline.someRefused', { count: conflicts }));
        else setMessage('ok', t('page.offline.sent', { count: sentCount }));
        renderOffline();
        return loadTickets();
      }
      renderOffline();
    });
  }

  function renderOffline() {
    var identity = Staff.identity();
    var waiting = identity ? FieldQueue.waiting(identity.username) : [];
    var conflicts = identity ? FieldQueue.conflicts(identity.username) : [];
    var panel = element('field-offline');
    panel.hidden = !identity || (navigator.onLine && !state.cachedAt && waiting.length === 0 && conflicts.length === 0);
    element('field-offline-state').textContent = !navigator.onLine || state.cachedAt
      ? t('page.offline.noNetwork', { time: state.cachedAt ? time(state.cachedAt) : '—' })
      : '';
    element('field-offline-state').hidden = navigator.onLine && !state.cachedAt;
    element('field-offline-waiting').textContent = t('page.offline.waitingCount', { count: waiting.length });
    element('field-offline-waiting').hidden = waiting.length === 0;
    var list = element('field-conflicts');
    clear(list);
    conflicts.forEach(function (conflict) {
      var problem = 'page.outcome.problem.' + conflict.problem;
      list.appendChild(h('li', { class: 'field-conflict', 'data-conflict': conflict.number }, [
        h('span', {
          text: t('page.offline.conflict', {
            number: shownNumber(conflict.number),
            action: t('page.action.' + conflict.name),
            time: time(conflict.tappedAt),
            problem: t(problem) === problem ? t('page.outcome.problem.unknown') : t(problem),
          }),
        }),
        h('button', {
          type: 'button',
          class: 'field-link',
          text: t('page.offline.dismiss'),
          onclick: function () {
            FieldQueue.dismiss(identity.username, conflict.id);
            renderOffline();
          },
        }),
      ]));
    });
  }

  /** The ticket list is kept by the service worker (sw.js) for reading without a network. */
  function registerServiceWorker() {
    if (!('serviceWorker' in navigator)) return;
    navigator.serviceWorker.register('/field/sw.js', { scope: '/field' }).catch(function () {
      /* Without it the page still works online; nothing to tell the user. */
    });
  }

  /** A signed-out phone keeps no ticket data of the last user. */
  function forgetCachedTickets() {
    if (window.caches) window.caches.delete('sampark-field-data');
  }

  // ---- one ticket's detail ----

  function toggleDetail(number) {
    state.revealed = null;
    state.trail = null;
    state.photo = null;
    if (state.expanded === number) {
      state.expanded = null;
      state.detail = null;
      renderTickets();
      return;
    }
    state.expanded = number;
    state.detail = null;
    renderTickets();
    loadDetail(number);
  }

  function loadDetail(number) {
    return Staff.api('GET', '/api/field/tickets/' + encodeURIComponent(number))
      .then(function (detail) {
        if (state.expanded !== number) return;
        state.detail = detail;
        // The work finished or went to someone else: what was revealed is not this user's to keep.
        if (!detail.consumer || !detail.consumer.revealable) state.revealed = null;
        renderTickets();
      })
      .catch(showProblem);
  }

  function renderDetail() {
    var detail = state.detail;
    if (!detail) return h('div', { class: 'field-detail', text: t('page.detail.loading') });
    var work = detail.work || { notes: [] };
    var rows = [
      section(t('page.detail.problem'), renderProblem(detail)),
      detail.laterReports.length
        ? section(t('page.detail.laterReports'), [h('ul', {}, detail.laterReports.map(function (report) { return h('li', { text: report }); }))])
        : null,
      detail.incident ? h('p', { text: t('page.incident', { number: shownNumber(detail.incident) }) }) : null,
      detail.backendUnavailable ? h('p', { text: t('page.detail.backendUnavailable') }) : null,
      detail.consumer ? renderConsumer(detail) : null,
      detail.meter ? section(t('page.detail.meter'), [
        h('p', {
          text: detail.meter.communicating
            ? t('page.detail.communicating', { time: time(detail.meter.lastCommunicationAt) })
            : t('page.detail.notCommunicating', { time: time(detail.meter.lastCommunicationAt) }),
        }),
        h('p', { text: t('page.detail.relay', { state: t('page.detail.relayState.' + detail.meter.relay) }) + ' · ' + t('page.detail.balance', { amount: detail.meter.balance.toFixed(2) }) }),
      ]) : null,
      detail.site ? h('p', { text: t('page.detail.site') + ': ' + (detail.site.name || detail.site.address || detail.site.latitude + ', ' + detail.site.longitude) }) : null,
      detail.photos.length ? h('p', { text: t('page.detail.photos', { count: detail.photos.length }) }) : null,
      work.hold ? h('p', { text: t('page.detail.onHold', { reason: work.hold.reason }) }) : null,
      work.resolution ? h('p', { text: t('page.detail.resolution', { code: t('page.closureCode.' + work.resolution.code), note: work.resolution.note }) }) : null,
      work.resolution && work.resolution.meterReading !== undefined
        ? h('p', { 'data-role': 'meter-reading', text: t('page.detail.meterReading', { reading: work.resolution.meterReading }) })
        : null,
      work.resolution && work.resolution.photo ? renderPhoto(detail.number, work.resolution.photo) : null,
      work.cannotCompleteReason ? h('p', { text: t('page.detail.cannotComplete', { reason: work.cannotCompleteReason }) }) : null,
      isSupervising(Staff.identity()) ? renderTrail(detail.number) : null,
      section(t('page.detail.notes'), work.notes.length
        ? [h('ul', { class: 'field-notes' }, work.notes.map(function (note) {
          return h('li', {}, [h('span', { text: note.text }), h('small', { text: t('page.detail.noteBy', { by: note.byName || note.by, time: time(note.at) }) })]);
        }))]
        : [h('p', { text: t('page.detail.noNotes') })]),
    ];
    return h('div', { class: 'field-detail' }, rows);
  }

  /**
   * The problem in the page's language: the ticket's problem key where its opener gave one, else what
   * its category means. The English record stays one tap away, folded, for the details it names.
   */
  function renderProblem(detail) {
    var key = detail.problem ? 'page.problem.' + detail.problem.key : null;
    var known = key !== null && t(key) !== key;
    if (!known && Staff.lang === 'en') return [h('p', { 'data-role': 'problem', text: detail.description })];
    var said = known ? t(key, problemValues(detail.problem.params)) : t('page.problemByCategory.' + detail.category);
    return [
      h('p', { 'data-role': 'problem', text: said }),
      h('details', { class: 'field-record' }, [
        h('summary', { text: t('page.detail.record') }),
        h('p', { 'data-role': 'record', text: detail.description }),
      ]),
    ];
  }

  /** A problem's values as the page shows them: instants (named …At) as IST times. */
  function problemValues(params) {
    var values = {};
    Object.keys(params).forEach(function (name) {
      values[name] = /At$/.test(name) ? time(params[name]) : params[name];
    });
    return values;
  }

  /** The resolution photo on request: fetched with the session token, shown as a data: image. */
  function renderPhoto(number, id) {
    if (state.photo && state.photo.id === id) {
      return h('img', { class: 'field-photo', 'data-role': 'photo', alt: t('page.detail.photo'), src: 'data:' + state.photo.contentType + ';base64,' + state.photo.data });
    }
    return h('button', {
      type: 'button',
      class: 'field-link',
      'data-action': 'photo',
      text: t('page.detail.showPhoto'),
      onclick: function () {
        Staff.api('GET', '/api/field/tickets/' + encodeURIComponent(number) + '/photos/' + encodeURIComponent(id))
          .then(function (photo) {
            state.photo = { id: id, contentType: photo.contentType, data: photo.data };
            renderTickets();
          })
          .catch(showProblem);
      },
    });
  }

  /** Masked, with a button to reveal for the one who accepted; unmasked, with call and map, after it. */
  function renderConsumer(detail) {
    var consumer = detail.consumer;
    var revealed = state.revealed && state.revealed.number === detail.number ? state.revealed.consumer : null;
    var meter = pair(t('page.detail.meterNumber'), consumer.meterNumber + ' · ' + t(consumer.urban ? 'page.detail.urban' : 'page.detail.rural'));
    if (revealed) {
      return section(t('page.detail.consumer'), [
        h('p', { class: 'field-revealed-name', 'data-role': 'revealed-name', text: revealed.name }),
        pair(t('page.detail.address'), revealed.address),
        h('div', { class: 'field-actions' }, [
          revealed.mobile ? h('a', { class: 'field-action field-action-primary', href: 'tel:+91' + revealed.mobile, 'data-role': 'call', text: t('page.reveal.call', { mobile: revealed.mobile }) }) : null,
          revealed.mapUrl ? h('a', { class: 'field-action', href: revealed.mapUrl, target: '_blank', rel: 'noopener', 'data-role': 'map', text: t('page.reveal.map') }) : null,
        ]),
        revealed.mobile ? null : h('p', { text: t('page.reveal.noMobile') }),
        revealed.mapUrl ? null : h('p', { text: t('page.reveal.noMap') }),
        meter,
      ]);
    }
    return section(t('page.detail.consumer'), [
      pair(t('page.detail.name'), consumer.name),
      consumer.mobile ? pair(t('page.detail.mobile'), consumer.mobile) : null,
      pair(t('page.detail.address'), consumer.address),
      meter,
      consumer.revealable
        ? h('button', { type: 'button', class: 'field-action field-action-primary', 'data-action': 'reveal', text: t('page.reveal.button'), onclick: function () { reveal(detail.number); } })
        : h('p', { class: 'field-hint', text: t('page.reveal.afterAccepting') }),
    ]);
  }

  /** Each tap is one audited reveal on the server. */
  function reveal(number) {
    return Staff.api('GET', '/api/field/tickets/' + encodeURIComponent(number) + '/consumer')
      .then(function (consumer) {
        if (state.expanded !== number) return;
        state.revealed = { number: number, consumer: consumer };
        renderTickets();
      })
      .catch(function (error) {
        showProblem(error);
        if (state.expanded === number) loadDetail(number);
      });
  }

  /** Who did what to the ticket, reveals included: the supervisor's view of the audit log. */
  function renderTrail(number) {
    var trail = state.trail && state.trail.number === number ? state.trail.entries : null;
    if (!trail) {
      return h('button', { type: 'button', class: 'field-link', 'data-action': 'trail', text: t('page.trail.show'), onclick: function () { loadTrail(number); } });
    }
    return section(t('page.trail.title'), [h('ol', { class: 'field-trail' }, trail.map(function (entry) {
      var key = 'page.trail.action.' + entry.action.replace(/\./g, '_');
      var action = t(key) === key ? entry.action : t(key);
      return h('li', { 'data-audit': entry.action }, [
        h('span', { text: t('page.trail.entry', { who: actorShown(entry), action: action }) }),
        h('small', { text: time(entry.at) }),
      ]);
    }))]);
  }

  /** A person by name; Sampark's own timers and the consumer in the page's words. */
  function actorShown(entry) {
    if (entry.actorName) return entry.actorName;
    if (entry.role === 'system' || entry.role === 'consumer') return t('page.trail.' + entry.role);
    return entry.actor;
  }

  function loadTrail(number) {
    return Staff.api('GET', '/api/field/tickets/' + encodeURIComponent(number) + '/audit')
      .then(function (body) {
        if (state.expanded !== number) return;
        state.trail = { number: number, entries: body.entries };
        renderTickets();
      })
      .catch(showProblem);
  }

  function section(title, children) {
    return h('div', { class: 'field-detail-section' }, [h('h3', { text: title })].concat(children));
  }

  function pair(label, value) {
    return h('p', {}, [h('span', { class: 'field-label', text: label + ': ' }), value]);
  }

  // ---- alerts, for supervising roles ----

  function loadAlerts() {
    var identity = Staff.identity();
    if (!identity || !isSupervising(identity)) return Promise.resolve();
    return Staff.api('GET', '/api/field/alerts')
      .then(function (body) {
        state.alerts = body;
        renderAlerts();
      })
      .catch(showProblem);
  }

  function renderAlerts() {
    var alerts = state.alerts;
    var badge = element('field-alerts-badge');
    badge.hidden = !alerts || alerts.unread === 0;
    badge.textContent = alerts ? String(alerts.unread) : '';
    badge.setAttribute('aria-label', alerts ? t('page.alerts.unread', { count: alerts.unread }) : '');
    var panel = element('field-alerts');
    panel.hidden = !state.alertsOpen || !alerts;
    element('field-alerts-title').textContent = t('page.alerts.title');
    element('field-alerts-read').textContent = t('page.alerts.markRead');
    element('field-alerts-read').hidden = !alerts || alerts.unread === 0;
    var list = element('field-alert-list');
    clear(list);
    if (!alerts) return;
    if (alerts.alerts.length === 0) list.appendChild(h('li', { text: t('page.alerts.none') }));
    alerts.alerts.forEach(function (alert) {
      list.appendChild(h('li', { class: alert.read ? 'field-alert' : 'field-alert field-alert-unread', 'data-alert': alert.id }, [
        h('span', {
          text: t('page.alerts.breach', {
            number: shownNumber(alert.ticket.number),
            category: t('page.category.' + alert.ticket.category),
            section: alert.ticket.section || t('page.noArea'),
            dueAt: time(alert.ticket.dueAt),
          }),
        }),
        h('small', { text: time(alert.at) }),
      ]));
    });
  }

  function markAlertsRead() {
    var unread = (state.alerts ? state.alerts.alerts : []).filter(function (alert) { return !alert.read; }).map(function (alert) { return alert.id; });
    if (unread.length === 0) return;
    Staff.api('POST', '/api/field/alerts/read', { ids: unread }).then(loadAlerts).catch(showProblem);
  }

  // ---- campaign visit lists, for supervising roles ----

  function loadVisitLists() {
    var identity = Staff.identity();
    if (!identity || !isSupervising(identity)) return Promise.resolve();
    return Staff.api('GET', '/api/field/visit-lists')
      .then(function (body) {
        state.visitLists = body.lists;
        renderVisitLists();
      })
      .catch(showProblem);
  }

  function renderVisitLists() {
    var lists = state.visitLists || [];
    element('field-visit-lists').hidden = lists.length === 0 || !Staff.identity();
    element('field-visit-lists-title').textContent = t('page.visitLists.title');
    var list = element('field-visit-list');
    clear(list);
    lists.forEach(function (visitList) {
      var button = h('button', { type: 'button', class: 'field-chip', 'data-csv': visitList.campaign, text: t('page.visitLists.download') });
      button.addEventListener('click', function () { downloadVisitList(button, visitList.campaign); });
      list.appendChild(h('li', { class: 'field-visit-list-item' }, [
        h('span', { text: t('page.visitLists.entry', { name: visitList.name, open: visitList.open, total: visitList.total }) }),
        button,
      ]));
    });
  }

  /** Fetched with the session's token and saved from a Blob: a link with the token in it would leak it. */
  function downloadVisitList(button, campaign) {
    button.disabled = true;
    Staff.api('GET', '/api/field/visit-lists/' + encodeURIComponent(campaign) + '/visits.csv')
      .then(function (text) {
        var url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
        var link = h('a', { href: url, download: 'sampark-visits-' + campaign + '.csv', hidden: true });
        document.body.appendChild(link);
        link.click();
        link.remove();
        window.setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
      })
      .catch(showProblem)
      .then(function () { button.disabled = false; });
  }

  // ---- messages ----

  function setMessage(kind, text) {
    state.message = { kind: kind, text: text };
    renderMessage();
    window.clearTimeout(toastTimer);
    if (kind !== 'problem') toastTimer = window.setTimeout(dismissMessage, TOAST_MS);
  }

  function dismissMessage() {
    state.message = null;
    renderMessage();
  }

  function renderMessage() {
    var node = element('field-message');
    node.hidden = !state.message || !Staff.identity();
    node.className = 'field-message' + (state.message ? ' field-message-' + state.message.kind : '');
    node.textContent = state.message ? state.message.text : '';
  }

  /** An API refusal in the user's words; a 401 is Staff's to handle (it signs out and shows the form). */
  function showProblem(error) {
    if (error instanceof Staff.ApiError && error.status === 401) return;
    var code = error instanceof Staff.ApiError && error.body && error.body.error;
    // The page's own words for a refusal, else the words every staff page shares (a role that may not see tickets).
    var known = ['page.outcome.problem.' + code, 'staff.errors.' + code].filter(function (key) { return code && t(key) !== key; })[0];
    setMessage('problem', t(known || 'page.outcome.problem.unknown'));
  }

  // ---- start ----

  function refresh() {
    if (!Staff.identity()) return;
    flush();
    loadTickets();
    loadAlerts();
    loadVisitLists();
  }

  function startWork() {
    state.tickets = null;
    state.message = null;
    renderFrame();
    refresh();
    stopPolling();
    pollTimer = window.setInterval(function () {
      // Never while a form is open: re-rendering the list would throw away what is being typed.
      if (document.visibilityState === 'visible' && !state.form) refresh();
    }, POLL_MS);
  }

  function stopPolling() {
    if (pollTimer !== null) window.clearInterval(pollTimer);
    pollTimer = null;
  }

  element('field-refresh').addEventListener('click', refresh);
  element('field-filters').addEventListener('change', function () {
    state.tickets = null;
    renderTickets();
    loadTickets();
  });
  element('field-filters').addEventListener('submit', function (event) {
    event.preventDefault();
  });
  element('field-alerts-button').addEventListener('click', function () {
    state.alertsOpen = !state.alertsOpen;
    renderAlerts();
  });
  element('field-alerts-read').addEventListener('click', markAlertsRead);
  element('field-message').addEventListener('click', dismissMessage);
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'visible' && !state.form) refresh();
  });

  window.addEventListener('online', function () {
    renderOffline();
    flush();
  });
  window.addEventListener('offline', renderOffline);
  registerServiceWorker();
  Staff.onLanguage(renderFrame);
  Staff.onSignedOut(showSignIn);
  if (Staff.identity()) startWork();
  else showSignIn();
})();
