/*
 * The call-back list of the agent console: calls the chat promised consumers when no agent could
 * chat (outside agent hours, or nobody was free in time). The most pressing first; an agent takes
 * one, and only then sees the whole number (a tap calls it on a phone), logs each call with what
 * came of it, and closes it. Read again every half minute and after every action: call-backs move
 * at the pace of phone calls, not of chat messages.
 */
var AgentCallBacks = (function () {
  'use strict';

  var el = Staff.el;
  var RELOAD_MS = 30000;
  var OUTCOMES = ['reached', 'no_answer', 'busy', 'switched_off', 'wrong_number'];
  var CLOSINGS = ['helped', 'ticket_raised', 'unreachable', 'not_needed'];

  var state = { callBacks: [], acting: false, notes: {} };
  var hooks = { say: function () {}, problem: function () {}, nameOf: function (username) { return username; } };
  var timer = null;

  function $(id) {
    return document.getElementById(id);
  }

  function me() {
    var who = Staff.identity();
    return who ? who.username : null;
  }

  function supervising() {
    var who = Staff.identity();
    return Boolean(who && who.role === 'supervisor');
  }

  function when(iso) {
    var locale = Staff.lang === 'hi' ? 'hi-IN' : 'en-IN';
    return new Intl.DateTimeFormat(locale, { timeZone: 'Asia/Kolkata', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
  }

  function load() {
    return Staff.api('GET', '/api/agent/call-backs').then(function (body) {
      state.callBacks = body.callBacks;
      render();
    }, hooks.problem);
  }

  /** One action at a time: a double tap must not log one call twice. */
  function act(callBack, path, body, done) {
    if (state.acting) return;
    state.acting = true;
    Staff.api('POST', '/api/agent/call-backs/' + encodeURIComponent(callBack.id) + '/' + path, body).then(
      function () {
        state.acting = false;
        if (done) done();
        load();
      },
      function (error) {
        state.acting = false;
        hooks.problem(error);
        load();
      },
    );
  }

  function render() {
    var title = $('agent-callbacks-title');
    var list = $('agent-callbacks');
    if (!title || !list) return;
    var open = state.callBacks.length;
    title.textContent = Staff.t('page.callBacks.title') + (open ? ' (' + open + ')' : '');
    list.replaceChildren.apply(
      list,
      open === 0 ? [el('li', { class: 'agent-empty', text: Staff.t('page.callBacks.empty') })] : state.callBacks.map(card),
    );
  }

  function card(callBack) {
    var mine = callBack.takenBy !== null && callBack.takenBy === me();
    var mayTake = callBack.status === 'waiting' || (supervising() && !mine);
    return el('li', {
      class: 'agent-card' + (callBack.priority === 'urgent' ? ' agent-urgent' : ''),
      'data-testid': 'call-back',
      'data-call-back': callBack.id,
    }, [
      el('div', { class: 'agent-card-head' }, [
        callBack.priority === 'urgent' ? el('span', { class: 'agent-tag agent-tag-urgent', text: Staff.t('page.queue.urgent') }) : null,
        callBack.phoneRevealed
          ? el('a', { class: 'agent-phone', href: 'tel:+91' + callBack.phone, 'data-testid': 'call-back-phone', text: Staff.t('page.callBacks.call', { phone: callBack.phone }) })
          : el('strong', { 'data-testid': 'call-back-phone', text: callBack.phone }),
        el('span', { class: 'agent-muted', text: Staff.t('page.languages.' + callBack.language) }),
      ]),
      el('div', { class: callBack.due ? 'agent-due' : 'agent-muted', text: callBack.due ? Staff.t('page.callBacks.dueNow') : Staff.t('page.callBacks.dueAt', { time: when(callBack.dueAt) }) }),
      el('div', { class: 'agent-muted', text: Staff.t('page.callBacks.reasons.' + callBack.reason) + ' · ' + Staff.t('page.callBacks.sources.' + callBack.phoneSource) }),
      callBack.caNumber ? el('div', { text: Staff.t('page.context.ca') + ' ' + callBack.caNumber }) : null,
      callBack.attempts.length ? attempts(callBack) : null,
      callBack.takenBy && !mine ? el('div', { class: 'agent-muted', text: Staff.t('page.callBacks.takenBy', { agent: hooks.nameOf(callBack.takenBy) }) }) : null,
      mayTake
        ? el('button', { type: 'button', class: 'staff-primary', 'data-testid': 'call-back-take', text: Staff.t('page.callBacks.take'), onclick: function () { act(callBack, 'take', {}); } })
        : null,
      mine ? callForm(callBack) : null,
      mine ? closeForm(callBack) : null,
    ]);
  }

  function attempts(callBack) {
    return el('ul', { class: 'agent-attempts', 'data-testid': 'call-back-attempts' }, callBack.attempts.map(function (attempt) {
      var line = when(attempt.at) + ' · ' + hooks.nameOf(attempt.agent) + ' · ' + Staff.t('page.callBacks.outcomes.' + attempt.outcome);
      return el('li', { text: attempt.note ? line + ' · ' + attempt.note : line });
    }));
  }

  function callForm(callBack) {
    var outcome = el('select', { name: 'outcome', 'aria-label': Staff.t('page.callBacks.outcomeLabel') }, OUTCOMES.map(function (value) {
      return el('option', { value: value, text: Staff.t('page.callBacks.outcomes.' + value) });
    }));
    var note = el('input', { name: 'note', type: 'text', maxlength: '1000', placeholder: Staff.t('page.callBacks.notePlaceholder'), value: state.notes[callBack.id] || '' });
    note.oninput = function () { state.notes[callBack.id] = note.value; };
    return el('form', {
      class: 'agent-inline-form agent-call-form',
      onsubmit: function (event) {
        event.preventDefault();
        act(callBack, 'calls', { outcome: outcome.value, note: note.value.trim() }, function () {
          delete state.notes[callBack.id];
          hooks.say(Staff.t('page.callBacks.logged'));
        });
      },
    }, [outcome, note, el('button', { type: 'submit', class: 'staff-secondary', text: Staff.t('page.callBacks.log') })]);
  }

  function closeForm(callBack) {
    var closing = el('select', { name: 'closing', 'aria-label': Staff.t('page.callBacks.closingLabel') }, CLOSINGS.map(function (value) {
      return el('option', { value: value, text: Staff.t('page.callBacks.closings.' + value) });
    }));
    return el('form', {
      class: 'agent-inline-form agent-close-form',
      onsubmit: function (event) {
        event.preventDefault();
        act(callBack, 'close', { closing: closing.value }, function () {
          hooks.say(Staff.t('page.callBacks.closed'));
        });
      },
    }, [closing, el('button', { type: 'submit', class: 'staff-secondary', text: Staff.t('page.callBacks.close') })]);
  }

  return {
    /** Starts reading the list; `lent` are the console's messages and colleagues' names. */
    start: function (lent) {
      hooks = lent;
      clearInterval(timer);
      timer = setInterval(load, RELOAD_MS);
      return load();
    },
    stop: function () {
      clearInterval(timer);
      timer = null;
      state.callBacks = [];
    },
    render: render,
  };
})();
