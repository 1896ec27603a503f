/*
 * The 1912 agent console: a call-centre agent's screen for a whole shift. After signing in
 * (Staff.signInForm) it shows the queue and the agent's own conversations, kept current by the live
 * event stream (GET /api/agent/events); one conversation is open at a time, with the consumer, bot
 * and agent turns and private notes in one column, the bot's context beside it, and the reply box,
 * ready replies in the consumer's language, a note, transfer and resolve below. A supervisor also
 * sees the overview: every conversation with the agent side and who has the console open.
 * Everything goes through the agent API; the server decides what is allowed.
 */
(function () {
  'use strict';

  var el = Staff.el;
  var RESOLVE_REASONS = ['answered', 'ticket_raised', 'referred_to_office', 'consumer_unresponsive', 'other'];
  /** Waiting times on screen move on this often without asking the server. */
  var TICK_MS = 30000;
  /** Events often come in bursts (claimed + left the queue): one reload for the burst. */
  var RELOAD_DELAY_MS = 150;
  /** A success message goes away by itself after this long; a problem stays until the next action. */
  var TOAST_MS = 6000;

  var state = {
    queue: [],
    mine: [],
    /** When the lists were loaded: waiting times count on from there. */
    loadedAt: Date.now(),
    /** The open conversation's id and its view once loaded. */
    openId: null,
    view: null,
    /** Ready replies by language, loaded once each. */
    canned: {},
    colleagues: [],
    /** Own conversations the consumer wrote in while another was open. */
    unread: {},
    overview: null,
    live: false,
    /** What the agent was typing, kept across re-renders of the open conversation. */
    draft: { reply: '', note: '' },
    /** Actions on their way to the server, by path ('replies', 'notes', …). */
    acting: {},
  };
  var closeStream = null;
  var reloadTimer = null;
  var pending = {};
  var toastTimer = null;
  var tickTimer = null;

  function $(id) {
    return document.getElementById(id);
  }

  function identity() {
    return Staff.identity();
  }

  function supervising() {
    var who = identity();
    return Boolean(who && who.role === 'supervisor');
  }

  // Formatting -------------------------------------------------------------------------------

  function locale() {
    return Staff.lang === 'hi' ? 'hi-IN' : 'en-IN';
  }

  /** Times are India's whatever the agent's machine says. */
  function time(iso) {
    return new Intl.DateTimeFormat(locale(), { timeZone: 'Asia/Kolkata', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
  }

  function dateTime(iso) {
    return new Intl.DateTimeFormat(locale(), { timeZone: 'Asia/Kolkata', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
  }

  function rupees(amount) {
    return new Intl.NumberFormat('en-IN', { style: 'currency', currency: 'INR' }).format(amount);
  }

  function waitedMinutes(entry) {
    return Math.floor((entry.waitSeconds + (Date.now() - state.loadedAt) / 1000) / 60);
  }

  /** An intent as a person reads it; an id the strings do not know stays as it is. */
  function intentName(intent) {
    var known = Staff.t('page.intents.' + intent);
    return known === 'page.intents.' + intent ? intent : known;
  }

  /** A colleague's name for a username, the username when the account is not listed. */
  function nameOf(username) {
    var colleague = state.colleagues.filter(function (entry) { return entry.username === username; })[0];
    return colleague ? colleague.name : username;
  }

  function channelName(channel) {
    var known = Staff.t('page.channels.' + channel);
    return known === 'page.channels.' + channel ? Staff.t('page.channels.other', { channel: channel }) : known;
  }

  // Messages -----------------------------------------------------------------------------------

  function say(text, problem) {
    var box = $('agent-message');
    clearTimeout(toastTimer);
    box.textContent = text;
    box.className = problem ? 'agent-message staff-problem' : 'agent-message staff-notice';
    box.hidden = false;
    if (!problem) toastTimer = setTimeout(function () { box.hidden = true; }, TOAST_MS);
  }

  function problem(error) {
    if (error && error.status === 401) return;
    if (error && error.status === 409 && error.body && error.body.error === 'taken') return say(Staff.t('page.queue.taken'), true);
    if (error && error.status === 403) return say(Staff.t('staff.errors.forbidden'), true);
    if (error && error.status) return say(Staff.t('staff.errors.failed', { status: error.status }), true);
    say(Staff.t('staff.errors.network'), true);
  }

  // Loading ------------------------------------------------------------------------------------

  function loadLists() {
    return Promise.all([Staff.api('GET', '/api/agent/queue'), Staff.api('GET', '/api/agent/conversations')]).then(function (answers) {
      state.queue = answers[0].queue;
      state.mine = answers[1].conversations;
      state.loadedAt = Date.now();
      renderLists();
    }, problem);
  }

  function loadColleagues() {
    return Staff.api('GET', '/api/agent/agents').then(function (body) {
      state.colleagues = body.agents;
      var toggle = $('agent-away');
      if (toggle) toggle.replaceWith(awayToggle());
      if (state.view) renderConversation();
    }, problem);
  }

  function loadOverview() {
    if (!supervising()) return Promise.resolve();
    return Staff.api('GET', '/api/agent/overview').then(function (body) {
      state.overview = body;
      state.colleagues = body.agents;
      renderOverview();
    }, problem);
  }

  /** Ready replies for one conversation, with its consumer's name and CA number written in; loaded once each. */
  function loadCanned(view) {
    var id = view.conversationId;
    if (state.canned[id] || view.status !== 'assigned') return Promise.resolve();
    return Staff.api('GET', '/api/agent/canned?language=' + view.language + '&conversation=' + encodeURIComponent(id)).then(function (body) {
      state.canned[id] = body.replies;
      if (state.view && state.view.conversationId === id) renderConversation();
    }, problem);
  }

  function openConversation(id) {
    if (state.openId !== id) state.draft = { reply: '', note: '' };
    state.openId = id;
    delete state.unread[id];
    return Staff.api('GET', '/api/agent/conversations/' + encodeURIComponent(id)).then(
      function (view) {
        if (state.openId !== id) return;
        state.view = view;
        renderConversation();
        loadCanned(view);
      },
      function (error) {
        // Taken by someone else, or gone: nothing to show any more.
        if (error && (error.status === 403 || error.status === 404)) {
          closeConversation();
          say(Staff.t('page.conversation.ended'), true);
        } else problem(error);
      },
    );
  }

  function closeConversation() {
    state.openId = null;
    state.view = null;
    state.draft = { reply: '', note: '' };
    renderConversation();
  }

  /** Reloads what an event touched, once per burst. */
  function reloadSoon(what) {
    pending[what] = true;
    if (reloadTimer) return;
    reloadTimer = setTimeout(function () {
      var due = pending;
      pending = {};
      reloadTimer = null;
      if (due.lists) loadLists();
      if (due.open && state.openId) openConversation(state.openId);
      if (due.overview) loadOverview();
      // Who is online, away and holding what: the transfer list shows it as it is.
      if (due.colleagues && !(due.overview && supervising())) loadColleagues();
    }, RELOAD_DELAY_MS);
  }

  // Live updates -------------------------------------------------------------------------------

  function onEvent(name, data) {
    if (name === 'open') {
      // Nothing is replayed after a reconnect: read everything again.
      setLive(true);
      loadColleagues();
      reloadSoon('lists');
      reloadSoon('overview');
      if (state.openId) reloadSoon('open');
      return;
    }
    if (!data || typeof data !== 'object' || !data.conversationId) return;
    if (name === 'queue.added') AgentAlerts.alert(Staff.t('page.alerts.newRequest'));
    var me = identity() && identity().username;
    var listed = function (entries) { return entries.some(function (entry) { return entry.conversationId === data.conversationId; }); };
    // A waiting consumer writing changes their card's count too.
    if (name.indexOf('queue.') === 0 || data.assignee === me || listed(state.mine) || listed(state.queue)) reloadSoon('lists');
    if (name === 'conversation.consumer_wrote' && data.assignee === me && data.conversationId !== state.openId) {
      state.unread[data.conversationId] = (state.unread[data.conversationId] || 0) + 1;
      AgentAlerts.alert(Staff.t('page.alerts.newMessage'));
    }
    // Given to this agent by the automatic assignment while nothing is open: it opens by itself.
    if (name === 'conversation.claimed' && data.assignee === me && !state.openId) openConversation(data.conversationId);
    if (name.indexOf('conversation.') === 0 && name !== 'conversation.consumer_wrote' && name !== 'conversation.noted') reloadSoon('colleagues');
    if (data.conversationId === state.openId) {
      if (name === 'conversation.claimed' && data.by !== me && state.view && state.view.status === 'queued') say(Staff.t('page.queue.taken'), true);
      reloadSoon('open');
    }
    if (supervising()) reloadSoon('overview');
  }

  function setLive(live) {
    state.live = live;
    var badge = $('agent-live');
    if (!badge) return;
    badge.textContent = Staff.t(live ? 'page.live.connected' : 'page.live.reconnecting');
    badge.className = live ? 'agent-live agent-live-on' : 'agent-live';
  }

  // Actions ------------------------------------------------------------------------------------

  function claim(id, button) {
    button.disabled = true;
    Staff.api('POST', '/api/agent/conversations/' + encodeURIComponent(id) + '/claim').then(
      function (view) {
        state.openId = id;
        state.view = view;
        state.draft = { reply: '', note: '' };
        renderConversation();
        loadCanned(view);
        loadLists();
      },
      function (error) {
        button.disabled = false;
        problem(error);
        loadLists();
      },
    );
  }

  /**
   * One action on the open conversation. A second press while the first is on its way (a double
   * click, Ctrl+Enter past a disabled button, a form drawn anew by a live update) does nothing:
   * otherwise a slow network sends the consumer the same reply twice.
   */
  function act(path, body, done) {
    var id = state.openId;
    if (state.acting[path]) return Promise.resolve();
    state.acting[path] = true;
    return Staff.api('POST', '/api/agent/conversations/' + encodeURIComponent(id) + '/' + path, body).then(
      function (answer) {
        done(answer);
        loadLists();
      },
      function (error) {
        // A reply the channel did not take is still on the transcript: say so, do not lose it.
        if (error && error.status === 502 && error.body && error.body.reason) {
          say(Staff.t('page.reply.notDelivered', { reason: error.body.reason }), true);
          state.draft.reply = '';
          openConversation(id);
          return;
        }
        // Cancelled by the consumer, resolved or moved to someone else meanwhile: trying again cannot help.
        var body = (error && error.body) || {};
        if ((error && error.status === 409 && body.error === 'wrong_status') || (error && error.status === 403 && body.error === 'not_assignee')) {
          say(Staff.t('page.conversation.ended'), true);
          openConversation(id);
          return;
        }
        problem(error);
      },
    ).then(function () {
      delete state.acting[path];
    });
  }

  function sendReply(form) {
    var text = form.elements.reply.value.trim();
    if (!text) return;
    form.elements.send.disabled = true;
    act('replies', { text: text }, function () {
      state.draft.reply = '';
      say(Staff.t('page.reply.sent'));
      openConversation(state.openId);
    }).then(function () {
      // The form may have been drawn anew meanwhile: the one on screen gets its button back.
      var reply = $('agent-reply');
      if (reply && !state.acting.replies) reply.form.elements.send.disabled = false;
    });
  }

  function addNote(form) {
    var text = form.elements.note.value.trim();
    if (!text) return;
    act('notes', { text: text }, function () {
      state.draft.note = '';
      openConversation(state.openId);
    });
  }

  function raiseTicket(form) {
    var description = form.elements.description.value.trim();
    if (!description) return;
    var body = {
      category: form.elements.category.value,
      description: description,
      urgent: form.elements.urgent.checked,
      // One id per form: a retried or double-sent form opens one ticket.
      requestId: state.ticketRequestId,
    };
    var ca = form.elements.ca.value.trim();
    if (ca) body.caNumber = ca;
    act('tickets', body, function (answer) {
      state.ticketRequestId = newRequestId();
      var number = 'SP-' + answer.number.slice(2, 6) + '-' + answer.number.slice(6);
      say(Staff.t(answer.joined ? 'page.ticket.joined' : 'page.ticket.raised', { number: number }) +
        (answer.told ? '' : ' ' + Staff.t('page.ticket.notTold')));
      openConversation(state.openId);
    });
  }

  function newRequestId() {
    return crypto.randomUUID();
  }

  function transfer(form) {
    var value = form.elements.to.value;
    act('transfer', { to: value === '' ? null : value }, function (answer) {
      say(Staff.t('page.transfer.done'));
      if (answer.assignee === (identity() && identity().username)) openConversation(state.openId);
      else closeConversation();
    });
  }

  function resolve(form) {
    act('resolve', { reason: form.elements.reason.value }, function () {
      say(Staff.t('page.resolve.done'));
      closeConversation();
    });
  }

  // Rendering ----------------------------------------------------------------------------------

  function renderTop() {
    var top = $('agent-top');
    var header = Staff.header(Staff.t('page.title'));
    if (identity()) {
      header.insertBefore(el('span', { id: 'agent-live', class: 'agent-live', role: 'status' }), header.children[1] || null);
      header.insertBefore(AgentAlerts.toggle(), header.children[2] || null);
      header.insertBefore(awayToggle(), header.children[3] || null);
    }
    top.replaceChildren(header);
    setLive(state.live);
  }

  /** Whether this agent said they are away, as the server last told. */
  function away() {
    var me = identity() && identity().username;
    var entry = state.colleagues.filter(function (colleague) { return colleague.username === me; })[0];
    return Boolean(entry && entry.away);
  }

  /** Available or away: while away, nothing is assigned to this agent by itself; Take still works. */
  function awayToggle() {
    var isAway = away();
    return el('button', {
      type: 'button',
      id: 'agent-away',
      class: 'staff-secondary agent-away' + (isAway ? ' agent-away-on' : ''),
      'data-testid': 'away',
      'aria-pressed': String(isAway),
      title: Staff.t('page.live.awayTitle'),
      text: Staff.t(isAway ? 'page.live.away' : 'page.live.available'),
      onclick: function () {
        Staff.api('POST', '/api/agent/status', { away: !isAway }).then(function () {
          return loadColleagues();
        }, problem);
      },
    });
  }

  function renderLists() {
    // The tab's title shows the queue, for an agent working in another window.
    var waiting = state.queue.length + Object.keys(state.unread).reduce(function (sum, id) { return sum + state.unread[id]; }, 0);
    document.title = (waiting ? '(' + waiting + ') ' : '') + Staff.t('page.title');
    $('agent-queue-title').textContent = Staff.t('page.queue.title') + (state.queue.length ? ' (' + state.queue.length + ')' : '');
    $('agent-mine-title').textContent = Staff.t('page.mine.title');
    var queue = $('agent-queue');
    queue.replaceChildren.apply(
      queue,
      state.queue.length === 0 ? [el('li', { class: 'agent-empty', text: Staff.t('page.queue.empty') })] : state.queue.map(queueItem),
    );
    var mine = $('agent-mine');
    mine.replaceChildren.apply(
      mine,
      state.mine.length === 0 ? [el('li', { class: 'agent-empty', text: Staff.t('page.mine.empty') })] : state.mine.map(mineItem),
    );
  }

  function queueItem(entry) {
    var claimButton = el('button', { type: 'button', class: 'staff-primary agent-claim', text: Staff.t('page.queue.claim') });
    claimButton.onclick = function () { claim(entry.conversationId, claimButton); };
    return el('li', { class: 'agent-card' + (entry.priority === 'urgent' ? ' agent-urgent' : ''), 'data-testid': 'queue-item', 'data-conversation': entry.conversationId }, [
      el('div', { class: 'agent-card-head' }, [
        entry.priority === 'urgent' ? el('span', { class: 'agent-tag agent-tag-urgent', text: Staff.t('page.queue.urgent') }) : null,
        el('strong', { text: '#' + entry.position + ' · ' + Staff.t('page.languages.' + entry.language) }),
        el('span', { class: 'agent-muted', text: channelName(entry.channel) }),
      ]),
      el('div', { class: 'agent-muted', text: Staff.t('page.queue.waited', { minutes: waitedMinutes(entry) }) }),
      // The consumer's last words (masked by the server), so the agent knows what they take before taking it.
      entry.lastWords ? el('q', { class: 'agent-preview', 'data-testid': 'queue-preview', lang: entry.language, text: entry.lastWords }) : null,
      entry.caNumber ? el('div', { text: Staff.t('page.context.ca') + ' ' + entry.caNumber }) : null,
      entry.lastIntent ? el('div', { text: Staff.t('page.conversation.intent', { intent: intentName(entry.lastIntent) }) }) : null,
      entry.messages > 0 ? el('div', { class: 'agent-muted', text: Staff.t('page.queue.messages', { count: entry.messages }) }) : null,
      claimButton,
    ]);
  }

  function mineItem(entry) {
    var open = entry.conversationId === state.openId;
    return el('li', { class: 'agent-card' + (open ? ' agent-card-open' : ''), 'data-testid': 'mine-item', 'data-conversation': entry.conversationId }, [
      el('div', { class: 'agent-card-head' }, [
        entry.priority === 'urgent' ? el('span', { class: 'agent-tag agent-tag-urgent', text: Staff.t('page.queue.urgent') }) : null,
        el('strong', { text: Staff.t('page.languages.' + entry.language) + ' · ' + channelName(entry.channel) }),
        state.unread[entry.conversationId] ? el('span', { class: 'agent-tag agent-tag-unread', 'data-testid': 'unread', text: Staff.t('page.mine.unread', { count: state.unread[entry.conversationId] }) }) : null,
      ]),
      entry.lastIntent ? el('div', { class: 'agent-muted', text: Staff.t('page.conversation.intent', { intent: intentName(entry.lastIntent) }) }) : null,
      el('button', {
        type: 'button',
        class: 'staff-secondary',
        text: Staff.t('page.mine.open'),
        disabled: open,
        onclick: function () { openConversation(entry.conversationId); },
      }),
    ]);
  }

  /** Consumer, bot and agent turns and notes in the order they happened; the bot's part first. */
  function timeline(view) {
    var before = view.history.map(function (line) { return { kind: line.from, text: line.text, at: line.at }; });
    var after = view.transcript
      .map(function (line) { return { kind: line.from, text: line.text, at: line.at, agent: line.agent }; })
      .concat(view.notes.map(function (note) { return { kind: 'note', text: note.text, at: note.at, agent: note.agent }; }))
      .map(function (line, index) { return { line: line, index: index }; })
      .sort(function (a, b) { return a.line.at < b.line.at ? -1 : a.line.at > b.line.at ? 1 : a.index - b.index; })
      .map(function (item) { return item.line; });
    return { before: before, after: after };
  }

  function lineItem(line) {
    var who =
      line.kind === 'consumer' ? Staff.t('page.transcript.consumer')
      : line.kind === 'bot' ? Staff.t('page.transcript.bot')
      : line.kind === 'note' ? Staff.t('page.transcript.note', { agent: nameOf(line.agent) })
      : Staff.t('page.transcript.agent', { agent: nameOf(line.agent) });
    return el('li', { class: 'agent-line agent-line-' + line.kind, 'data-testid': 'line-' + line.kind }, [
      el('div', { class: 'agent-line-who' }, [el('span', { text: who }), el('time', { datetime: line.at, text: time(line.at) })]),
      el('div', { class: 'agent-line-text', text: line.text }),
    ]);
  }

  /** Where the agent's cursor is, so a live update redrawing the conversation does not take it away mid-sentence. */
  function caret() {
    var active = document.activeElement;
    if (!active || !active.id || !$('agent-conversation').contains(active)) return null;
    return { id: active.id, start: active.selectionStart, end: active.selectionEnd };
  }

  function restoreCaret(saved) {
    var field = saved && $(saved.id);
    if (!field) return;
    field.focus();
    if (typeof saved.start === 'number' && typeof field.setSelectionRange === 'function') field.setSelectionRange(saved.start, saved.end);
  }

  function renderConversation() {
    var box = $('agent-conversation');
    var view = state.view;
    var saved = caret();
    // An agent reading back stays where they were; one at the end follows what comes in.
    var previous = $('agent-transcript');
    var readingBack = previous && state.view && previous.dataset.conversation === state.view.conversationId &&
      previous.scrollTop + previous.clientHeight < previous.scrollHeight - 8;
    var scrolledTo = previous ? previous.scrollTop : 0;
    if (!view) {
      box.replaceChildren(el('p', { class: 'agent-empty agent-none', text: Staff.t('page.conversation.none') }));
      renderContext();
      renderLists();
      return;
    }
    var me = identity() && identity().username;
    var mine = view.status === 'assigned' && view.assignee === me;
    var lines = timeline(view);
    var transcript = el('ol', { class: 'agent-transcript', id: 'agent-transcript', 'data-testid': 'transcript', 'data-conversation': view.conversationId },
      lines.before.map(lineItem)
        .concat(lines.before.length ? [el('li', { class: 'agent-handed-over', text: Staff.t('page.transcript.handedOver') })] : [])
        .concat(lines.after.map(lineItem))
        .concat(lines.before.length + lines.after.length === 0 ? [el('li', { class: 'agent-empty', text: Staff.t('page.transcript.empty') })] : []));
    var status = view.status === 'assigned'
      ? Staff.t('page.conversation.status.assigned', { agent: nameOf(view.assignee) })
      : Staff.t('page.conversation.status.' + view.status);
    var parts = [
      el('div', { class: 'agent-conversation-head' }, [
        el('h2', { text: Staff.t('page.transcript.title') }),
        el('span', { class: 'agent-tag', 'data-testid': 'conversation-status', text: status }),
        view.priority === 'urgent' ? el('span', { class: 'agent-tag agent-tag-urgent', text: Staff.t('page.queue.urgent') }) : null,
        el('button', { type: 'button', class: 'staff-secondary agent-close', text: Staff.t('page.conversation.close'), onclick: closeConversation }),
      ]),
      mine ? el('p', { class: 'agent-muted agent-shortcuts', 'data-testid': 'shortcuts', text: Staff.t('page.shortcuts.hint') }) : null,
      el('p', { class: 'agent-muted', text: [
        Staff.t('page.conversation.language', { language: Staff.t('page.languages.' + view.language) }),
        Staff.t('page.conversation.channel', { channel: channelName(view.channel) }),
        Staff.t('page.conversation.reason.' + view.reason),
      ].join(' · ') }),
      transcript,
      mine ? replyForm(view) : null,
      mine || (supervising() && (view.status === 'assigned' || view.status === 'queued')) ? noteForm() : null,
      mine || (supervising() && (view.status === 'assigned' || view.status === 'queued')) ? transferForm(view) : null,
      mine ? ticketForm(view) : null,
      mine ? resolveForm() : null,
      !mine && view.status !== 'queued' && !supervising() ? el('p', { class: 'staff-problem', text: Staff.t('page.conversation.ended') }) : null,
    ];
    box.replaceChildren.apply(box, parts.filter(Boolean));
    transcript.scrollTop = readingBack ? scrolledTo : transcript.scrollHeight;
    restoreCaret(saved);
    renderContext();
    renderLists();
  }

  function replyForm(view) {
    var replies = state.canned[view.conversationId] || [];
    var text = el('textarea', { id: 'agent-reply', name: 'reply', rows: 3, maxlength: 2000, placeholder: Staff.t('page.reply.placeholder'), lang: view.language });
    text.value = state.draft.reply;
    text.oninput = function () { state.draft.reply = text.value; };
    var canned = el('select', { id: 'agent-canned', name: 'canned', 'aria-label': Staff.t('page.reply.canned') },
      [el('option', { value: '', text: Staff.t('page.reply.cannedPick') })].concat(replies.map(function (reply) {
        return el('option', { value: reply.id, text: reply.text, lang: view.language });
      })));
    canned.onchange = function () {
      var chosen = replies.filter(function (reply) { return reply.id === canned.value; })[0];
      if (chosen) {
        // Into the box, not sent: the agent reads and edits it first.
        text.value = text.value ? text.value + ' ' + chosen.text : chosen.text;
        state.draft.reply = text.value;
        text.focus();
      }
      canned.value = '';
    };
    var suggestions = AgentCannedSearch.attach(text, replies, function (value) { state.draft.reply = value; });
    var form = el('form', { class: 'agent-form agent-reply-form', 'aria-label': Staff.t('page.reply.label') }, [
      el('label', { for: 'agent-reply', text: Staff.t('page.reply.label') }),
      canned,
      text,
      suggestions,
      el('button', { type: 'submit', name: 'send', class: 'staff-primary', disabled: Boolean(state.acting.replies), text: Staff.t('page.reply.send') }),
    ]);
    text.addEventListener('keydown', function (event) {
      // Ctrl+Enter sends, as in most chat tools; Enter alone makes a new line.
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        sendReply(form);
      }
    });
    form.onsubmit = function (event) {
      event.preventDefault();
      sendReply(form);
    };
    return form;
  }

  function noteForm() {
    var text = el('textarea', { id: 'agent-note', name: 'note', rows: 2, maxlength: 2000, placeholder: Staff.t('page.note.placeholder') });
    text.value = state.draft.note;
    text.oninput = function () { state.draft.note = text.value; };
    var form = el('form', { class: 'agent-form agent-note-form' }, [
      el('label', { for: 'agent-note', text: Staff.t('page.note.label') }),
      text,
      el('button', { type: 'submit', class: 'staff-secondary', text: Staff.t('page.note.add') }),
    ]);
    form.onsubmit = function (event) {
      event.preventDefault();
      addNote(form);
    };
    return form;
  }

  /** A field ticket for this consumer: the category, what the agent learnt, urgency, another connection if named. */
  function ticketForm(view) {
    if (!state.ticketRequestId) state.ticketRequestId = newRequestId();
    var categories = Object.keys(categoryLabels());
    var form = el('form', { class: 'agent-form agent-ticket-form', 'aria-label': Staff.t('page.ticket.label') }, [
      el('label', { for: 'agent-ticket-category', text: Staff.t('page.ticket.label') }),
      el('select', { id: 'agent-ticket-category', name: 'category' }, categories.map(function (category) {
        return el('option', { value: category, text: Staff.t('page.ticketCategories.' + category) });
      })),
      el('textarea', { id: 'agent-ticket-description', name: 'description', rows: 2, maxlength: 1000, placeholder: Staff.t('page.ticket.placeholder'), required: true }),
      el('input', { id: 'agent-ticket-ca', name: 'ca', inputmode: 'numeric', maxlength: 40, placeholder: view.caNumber ? Staff.t('page.ticket.caPlaceholder', { ca: view.caNumber }) : Staff.t('page.ticket.caNeeded') }),
      el('label', { class: 'agent-check' }, [el('input', { type: 'checkbox', name: 'urgent' }), Staff.t('page.ticket.urgent')]),
      el('button', { type: 'submit', class: 'staff-secondary', disabled: Boolean(state.acting.tickets), text: Staff.t('page.ticket.raise') }),
    ]);
    form.onsubmit = function (event) {
      event.preventDefault();
      raiseTicket(form);
    };
    return form;
  }

  /** The categories the page has labels for (a test keeps them in step with the server's). */
  function categoryLabels() {
    var strings = JSON.parse(document.getElementById('staff-config').textContent).strings;
    return strings[Staff.lang].page.ticketCategories;
  }

  function transferForm(view) {
    var me = identity() && identity().username;
    var options = [el('option', { value: '', text: Staff.t('page.transfer.toQueue'), disabled: view.status === 'queued' })].concat(
      state.colleagues
        .filter(function (colleague) { return colleague.username !== view.assignee; })
        .map(function (colleague) {
          var presence = Staff.t(!colleague.online ? 'page.transfer.offline' : colleague.away ? 'page.transfer.away' : 'page.transfer.online');
          return el('option', { value: colleague.username, text: colleague.name + ' (' + presence + ')' + (colleague.username === me ? ' ★' : '') });
        }),
    );
    var select = el('select', { id: 'agent-transfer', name: 'to' }, options);
    if (view.status === 'queued' && options[1]) select.value = options[1].value;
    var form = el('form', { class: 'agent-form agent-inline-form' }, [
      el('label', { for: 'agent-transfer', text: Staff.t('page.transfer.label') }),
      select,
      el('button', { type: 'submit', class: 'staff-secondary', text: Staff.t('page.transfer.submit') }),
    ]);
    form.onsubmit = function (event) {
      event.preventDefault();
      transfer(form);
    };
    return form;
  }

  function resolveForm() {
    var select = el('select', { id: 'agent-resolve-reason', name: 'reason' }, RESOLVE_REASONS.map(function (reason) {
      return el('option', { value: reason, text: Staff.t('page.resolve.reasons.' + reason) });
    }));
    var form = el('form', { class: 'agent-form agent-inline-form' }, [
      el('label', { for: 'agent-resolve-reason', text: Staff.t('page.resolve.label') }),
      select,
      el('button', { type: 'submit', class: 'staff-danger', 'data-testid': 'resolve', text: Staff.t('page.resolve.submit') }),
    ]);
    form.onsubmit = function (event) {
      event.preventDefault();
      resolve(form);
    };
    return form;
  }

  function fact(label, value, testId) {
    return [el('dt', { text: label }), el('dd', { 'data-testid': testId || null, text: value })];
  }

  function renderContext() {
    var box = $('agent-context');
    var view = state.view;
    if (!view) {
      box.replaceChildren();
      box.hidden = true;
      return;
    }
    box.hidden = false;
    var context = view.context;
    var parts = [el('h2', { id: 'agent-context-title', text: Staff.t('page.context.title') })];
    if (!context || !context.caNumber) {
      parts.push(el('p', { class: 'agent-muted', text: Staff.t('page.context.noCa') }));
    } else {
      var facts = fact(Staff.t('page.context.ca'), context.caNumber, 'context-ca');
      if (context.caSource === 'consumer') facts = facts.concat([el('dd', { class: 'agent-wide agent-muted', text: Staff.t('page.context.caFromChat') })]);
      if (context.consumer) {
        facts = facts.concat(
          fact(Staff.t('page.context.name'), context.consumer.name, 'context-name'),
          fact(Staff.t('page.context.address'), context.consumer.address),
          fact(Staff.t('page.context.mobile'), context.consumer.mobile || Staff.t('page.context.noMobile')),
          fact(Staff.t('page.context.meterNumber'), context.consumer.meterNumber),
          fact(Staff.t('page.context.area'), context.consumer.division + ' / ' + context.consumer.section),
        );
      }
      parts.push(el('dl', { class: 'agent-facts' }, facts));
      if (context.meter) {
        var meter = context.meter;
        var meterFacts = fact(Staff.t('page.context.balance'), rupees(meter.balance), 'context-balance').concat(
          fact(Staff.t('page.context.supply'), Staff.t('page.context.relay.' + meter.relay) + ' · ' +
            (meter.communicating ? Staff.t('page.context.communicating') : Staff.t('page.context.notCommunicating', { since: dateTime(meter.lastCommunicationAt) }))),
          fact(Staff.t('page.context.lastRecharge'), meter.lastRecharge ? rupees(meter.lastRecharge.amount) + ' · ' + dateTime(meter.lastRecharge.at) : Staff.t('page.context.noRecharge')),
        );
        if (meter.arrears) {
          meterFacts = meterFacts.concat([el('dd', { class: 'agent-wide', text: Staff.t('page.context.arrears', { outstanding: rupees(meter.arrears.outstanding), instalment: rupees(meter.arrears.instalment) }) })]);
        }
        parts.push(el('h3', { text: Staff.t('page.context.meter') }), el('dl', { class: 'agent-facts', 'data-testid': 'context-meter' }, meterFacts));
      }
      if (context.backendUnavailable) parts.push(el('p', { class: 'staff-problem', text: Staff.t('page.context.backendUnavailable') }));
      parts.push(el('h3', { text: Staff.t('page.context.tickets') }));
      parts.push(context.tickets.length === 0
        ? el('p', { class: 'agent-muted', text: Staff.t('page.context.noTickets') })
        : el('ul', { class: 'agent-tickets' }, context.tickets.map(function (ticket) {
          return el('li', { text: [ticket.number, Staff.t('page.ticketCategories.' + ticket.category), Staff.t('page.ticketStatuses.' + ticket.status), dateTime(ticket.createdAt)].join(' · ') });
        })));
    }
    // What the consumer went through with agents before, found by the CA number the context has.
    parts.push(el('h3', { text: Staff.t('page.search.conversations') }), AgentHistory.pastChats(view.previous, renderContext));
    box.replaceChildren.apply(box, parts);
  }

  function renderOverview() {
    var box = $('agent-overview');
    var overview = state.overview;
    if (!supervising() || !overview) {
      box.hidden = true;
      return;
    }
    box.hidden = false;
    var conversations = el('table', { class: 'agent-table', 'data-testid': 'overview-conversations' }, [
      el('thead', {}, [el('tr', {}, [
        el('th', { text: Staff.t('page.overview.conversation') }),
        el('th', { text: Staff.t('page.overview.status') }),
        el('th', { text: Staff.t('page.overview.assignee') }),
        el('th', { text: Staff.t('page.overview.waited') }),
        el('th', {}),
      ])]),
      el('tbody', {}, overview.conversations.map(function (entry) {
        return el('tr', { class: entry.priority === 'urgent' ? 'agent-urgent' : null }, [
          el('td', { text: Staff.t('page.languages.' + entry.language) + ' · ' + channelName(entry.channel) + (entry.lastIntent ? ' · ' + intentName(entry.lastIntent) : '') }),
          el('td', { text: Staff.t('page.conversation.status.' + entry.status, { agent: nameOf(entry.assignee) }) }),
          el('td', { text: entry.assignee ? nameOf(entry.assignee) : Staff.t('page.overview.nobody') }),
          el('td', { text: time(entry.requestedAt) }),
          el('td', {}, [el('button', { type: 'button', class: 'staff-secondary', text: Staff.t('page.mine.open'), onclick: function () { openConversation(entry.conversationId); } })]),
        ]);
      })),
    ]);
    var agents = el('table', { class: 'agent-table', 'data-testid': 'overview-agents' }, [
      el('thead', {}, [el('tr', {}, [
        el('th', { text: Staff.t('page.overview.agent') }),
        el('th', { text: Staff.t('page.overview.presence') }),
        el('th', { text: Staff.t('page.overview.holding') }),
      ])]),
      el('tbody', {}, overview.agents.map(function (agent) {
        return el('tr', { 'data-agent': agent.username }, [
          el('td', { text: agent.name + ' · ' + Staff.t('staff.roles.' + agent.role) }),
          el('td', { class: agent.online && !agent.away ? 'agent-online' : 'agent-muted', text: !agent.online ? Staff.t('page.overview.offline') : Staff.t(agent.away ? 'page.overview.away' : 'page.overview.online', { consoles: agent.consoles }) }),
          el('td', { text: String(agent.holding) }),
        ]);
      })),
    ]);
    box.replaceChildren(
      el('h2', { id: 'agent-overview-title', text: Staff.t('page.overview.title') }),
      el('p', { class: 'agent-counts' }, [
        el('span', { class: 'agent-tag', text: Staff.t('page.overview.queued', { count: overview.byStatus.queued }) }),
        el('span', { class: 'agent-tag', text: Staff.t('page.overview.assigned', { count: overview.byStatus.assigned }) }),
      ]),
      el('div', { class: 'agent-overview-tables' }, [
        el('section', {}, [el('h3', { text: Staff.t('page.overview.conversations') }), conversations]),
        el('section', {}, [el('h3', { text: Staff.t('page.overview.agents') }), agents]),
      ]),
    );
  }

  function renderAll() {
    renderTop();
    renderLists();
    renderConversation();
    renderOverview();
    AgentCallBacks.render();
    AgentHistory.render();
  }

  // Session ------------------------------------------------------------------------------------

  function start() {
    $('agent-sign-in').hidden = true;
    $('agent-work').hidden = false;
    renderAll();
    loadLists();
    loadColleagues();
    loadOverview();
    AgentCallBacks.start({ say: say, problem: problem, nameOf: nameOf });
    AgentHistory.start({ problem: problem, nameOf: nameOf });
    if (closeStream) closeStream();
    closeStream = Staff.stream('/api/agent/events', onEvent);
    clearInterval(tickTimer);
    tickTimer = setInterval(renderLists, TICK_MS);
  }

  /**
   * Keys an agent works a shift with: Alt+N the next of their conversations (one with new messages
   * first), Alt+T and Alt+R to the transfer and resolve choices; the button beside them still does
   * it, so a slip of the hand resolves nothing. Alt keeps them clear of typing in the reply box.
   */
  function onShortcut(event) {
    if (!event.altKey || event.ctrlKey || event.metaKey || !identity()) return;
    var key = event.key.toLowerCase();
    if (key === 'n' && state.mine.length > 0) {
      event.preventDefault();
      var unread = state.mine.filter(function (entry) { return state.unread[entry.conversationId] && entry.conversationId !== state.openId; })[0];
      var at = state.mine.map(function (entry) { return entry.conversationId; }).indexOf(state.openId);
      openConversation((unread || state.mine[(at + 1) % state.mine.length]).conversationId);
    } else if ((key === 't' || key === 'r') && $(key === 't' ? 'agent-transfer' : 'agent-resolve-reason')) {
      event.preventDefault();
      $(key === 't' ? 'agent-transfer' : 'agent-resolve-reason').focus();
    }
  }
  document.addEventListener('keydown', onShortcut);

  function showSignIn() {
    if (closeStream) closeStream();
    closeStream = null;
    clearInterval(tickTimer);
    AgentCallBacks.stop();
    AgentHistory.stop();
    state.openId = null;
    state.view = null;
    state.live = false;
    $('agent-work').hidden = true;
    $('agent-sign-in').hidden = false;
    renderTop();
    Staff.signInForm($('agent-sign-in'), start);
  }

  Staff.onSignedOut(showSignIn);
  Staff.onLanguage(function () {
    if (identity()) renderAll();
    else showSignIn();
  });
  if (identity()) start();
  else showSignIn();
})();
