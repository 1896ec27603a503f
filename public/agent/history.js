/*
 * Search and history in the agent console: a CA number, mobile or ticket number finds the
 * connections it names, with their tickets, open call-backs and earlier chats with agents; an
 * earlier chat opens in place, read only. The same list of earlier chats stands in the context panel
 * of the conversation being worked, so the agent sees what the consumer went through before.
 * Names and numbers come masked from the server; every search and every chat read is audited there.
 */
var AgentHistory = (function () {
  'use strict';

  var el = Staff.el;
  var hooks = { problem: function () {}, nameOf: function (username) { return username; } };
  /** Earlier chats opened, by archive id: kept across re-renders of the panel that lists them. */
  var opened = {};
  var results = null;

  function $(id) {
    return document.getElementById(id);
  }

  function when(iso) {
    var locale = Staff.lang === 'hi' ? 'hi-IN' : 'en-IN';
    return new Intl.DateTimeFormat(locale, { timeZone: 'Asia/Kolkata', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
  }

  /** "SP-2846-1937": the way a consumer reads and says a ticket number. */
  function ticketNumber(number) {
    return /^SP\d{8}$/.test(number) ? 'SP-' + number.slice(2, 6) + '-' + number.slice(6) : number;
  }

  function outcome(chat) {
    return chat.status === 'resolved' ? Staff.t('page.resolve.reasons.' + chat.resolution) : Staff.t('page.search.ended.' + chat.status);
  }

  /** Earlier chats as a list, each opening its whole transcript in place. */
  function pastChats(chats, redraw) {
    if (!chats || chats.length === 0) return el('p', { class: 'agent-muted', text: Staff.t('page.search.noConversations') });
    return el('ul', { class: 'agent-past', 'data-testid': 'past-chats' }, chats.map(function (chat) {
      var lines = opened[chat.archiveId];
      var toggle = el('button', {
        type: 'button',
        class: 'staff-secondary',
        text: Staff.t(lines ? 'page.search.hide' : 'page.search.read'),
        onclick: function () {
          if (opened[chat.archiveId]) {
            delete opened[chat.archiveId];
            return redraw();
          }
          Staff.api('GET', '/api/agent/history/' + encodeURIComponent(chat.archiveId)).then(function (past) {
            opened[chat.archiveId] = past.history.map(function (line) { return { kind: line.from, text: line.text, at: line.at }; })
              .concat(past.transcript.map(function (line) { return { kind: line.from, text: line.text, at: line.at, agent: line.agent }; }));
            redraw();
          }, hooks.problem);
        },
      });
      return el('li', { class: 'agent-past-chat', 'data-testid': 'past-chat' }, [
        el('div', { text: Staff.t('page.search.chat', { when: when(chat.requestedAt), agent: chat.assignee ? hooks.nameOf(chat.assignee) : Staff.t('page.search.nobody'), outcome: outcome(chat) }) }),
        chat.lastWords ? el('q', { class: 'agent-preview', lang: chat.language, text: chat.lastWords }) : null,
        toggle,
        lines ? el('ol', { class: 'agent-transcript agent-past-lines', 'data-testid': 'past-lines' }, lines.map(pastLine)) : null,
      ]);
    }));
  }

  function pastLine(line) {
    var who =
      line.kind === 'consumer' ? Staff.t('page.transcript.consumer')
      : line.kind === 'bot' ? Staff.t('page.transcript.bot')
      : Staff.t('page.transcript.agent', { agent: hooks.nameOf(line.agent) });
    return el('li', { class: 'agent-line agent-line-' + line.kind }, [
      el('div', { class: 'agent-line-who' }, [el('span', { text: who }), el('time', { datetime: line.at, text: when(line.at) })]),
      el('div', { class: 'agent-line-text', text: line.text }),
    ]);
  }

  function search(text) {
    Staff.api('GET', '/api/agent/search?q=' + encodeURIComponent(text)).then(function (body) {
      results = body;
      renderResults();
    }, hooks.problem);
  }

  function renderSearch() {
    var box = $('agent-search');
    if (!box) return;
    var input = el('input', { id: 'agent-search-q', name: 'q', type: 'search', maxlength: '40', required: true, 'aria-label': Staff.t('page.search.label'), placeholder: Staff.t('page.search.label') });
    box.replaceChildren(
      el('h2', { text: Staff.t('page.search.title') }),
      el('form', {
        class: 'agent-inline-form agent-search-form',
        role: 'search',
        onsubmit: function (event) {
          event.preventDefault();
          if (input.value.trim()) search(input.value.trim());
        },
      }, [
        input,
        el('button', { type: 'submit', class: 'staff-secondary', text: Staff.t('page.search.submit') }),
      ]),
      el('div', { id: 'agent-search-results', 'data-testid': 'search-results', 'aria-live': 'polite' }),
    );
    renderResults();
  }

  function renderResults() {
    var box = $('agent-search-results');
    if (!box) return;
    if (!results) return box.replaceChildren();
    var parts = [];
    if (results.kind === 'none') parts.push(el('p', { class: 'agent-muted', text: Staff.t('page.search.kindNone') }));
    else if (results.connections.length === 0) parts.push(el('p', { class: 'agent-muted', text: Staff.t('page.search.none') }));
    if (results.backendUnavailable) parts.push(el('p', { class: 'staff-problem', text: Staff.t('page.search.backendUnavailable') }));
    results.connections.forEach(function (connection) {
      parts.push(el('section', { class: 'agent-card', 'data-testid': 'search-connection', 'data-ca': connection.caNumber }, [
        el('strong', { text: Staff.t('page.search.connection', { ca: connection.caNumber }) + (connection.consumer ? ' · ' + connection.consumer.name : '') }),
        connection.consumer ? el('div', { class: 'agent-muted', text: connection.consumer.division + ' / ' + connection.consumer.section }) : null,
        el('h3', { text: Staff.t('page.search.tickets') }),
        connection.tickets.length === 0
          ? el('p', { class: 'agent-muted', text: Staff.t('page.context.noTickets') })
          : el('ul', { class: 'agent-tickets' }, connection.tickets.map(function (ticket) {
            return el('li', { text: [ticketNumber(ticket.number), Staff.t('page.ticketCategories.' + ticket.category), Staff.t('page.ticketStatuses.' + ticket.status), when(ticket.createdAt)].join(' · ') });
          })),
        connection.callBacks.length === 0 ? null : el('h3', { text: Staff.t('page.search.callBacks') }),
        connection.callBacks.length === 0 ? null : el('ul', { class: 'agent-tickets' }, connection.callBacks.map(function (callBack) {
          return el('li', { text: callBack.id + ' · ' + Staff.t('page.search.callBack', { phone: callBack.phone, when: when(callBack.dueAt) }) });
        })),
        el('h3', { text: Staff.t('page.search.conversations') }),
        pastChats(connection.conversations, renderResults),
      ]));
    });
    box.replaceChildren.apply(box, parts);
  }

  return {
    /** Draws the search box; `lent` are the console's problem reporting and colleagues' names. */
    start: function (lent) {
      hooks = lent;
      renderSearch();
    },
    stop: function () {
      results = null;
      opened = {};
    },
    render: renderSearch,
    pastChats: pastChats,
  };
})();
