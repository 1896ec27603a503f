/*
 * The web chat page. The server sent the greeting and the menu in the visitor's language, so the
 * first screen is readable at once; this script starts (or resumes) the Direct Line conversation
 * and lets the visitor choose or type there while Microsoft's Web Chat downloads, then hands the
 * conversation to Web Chat, which replays it. The token and conversation id stay in
 * sessionStorage, so a reload resumes the conversation; one the server no longer has (a restart
 * without Redis, a refused or expired token) is replaced by a new one in the same language, and the
 * visitor is told in one line. The page follows the conversation's language and keeps a language
 * control in the header.
 */
(function () {
  'use strict';

  var SESSION_KEY = 'sampark.webchat.session';
  /** Refresh a token this many seconds before it expires. */
  var REFRESH_MARGIN_SECONDS = 300;
  var LOCALES = { hi: 'hi-IN', en: 'en-US' };
  /** Web Chat's Direct Line connection states that it does not recover from by itself. */
  var EXPIRED_TOKEN = 3;
  var FAILED_TO_CONNECT = 4;
  var ENDED = 5;
  /** Waits between tries while the server cannot be reached, in milliseconds. */
  var RETRY_DELAYS = [2000, 4000, 8000, 15000, 30000];
  /** How often the first screen asks for the bot's answers until Web Chat takes over. */
  var POLL_MS = 2500;
  /** Web Chat's actions after which the visitor will type next: the send box gets the focus. */
  var CHOICES = { 'WEB_CHAT/SEND_MESSAGE': true, 'WEB_CHAT/SEND_MESSAGE_BACK': true, 'WEB_CHAT/SEND_POST_BACK': true };

  var config = JSON.parse(document.getElementById('sampark-config').textContent);
  var directLineDomain = config.directLineDomain || window.location.origin + '/v3/directline';
  var tokenUrl = config.tokenUrl || directLineDomain + '/tokens/generate';
  var refreshTimer = null;
  /** The conversation on screen, as kept in sessionStorage; null until it is started or checked. */
  var session = null;
  /** The page's language while no conversation says otherwise. */
  var language = config.language;
  /** Messages typed on the first screen before the conversation was ready. */
  var waiting = [];
  /** The first screen's own exchange: ids it posted, and its polling. */
  var early = { posted: {}, shown: {}, watermark: '', timer: null };
  var webChatLoaded = false;
  /** The Web Chat on screen: its Direct Line, store, subscription, element and React root. */
  var chat = null;

  document.documentElement.style.setProperty('--brand', config.primaryColor);

  function element(id) {
    return document.getElementById(id);
  }

  function each(selector, action) {
    Array.prototype.forEach.call(document.querySelectorAll(selector), action);
  }

  // ---- The session and its token ----

  /**
   * Seconds the session's token has left, timed by this device's clock from the lifetime the server
   * gave (`expires_in`): a phone's clock may be hours off the server's, so the token's own `exp` is
   * only read for a session saved before the page kept its own expiry.
   */
  function secondsLeft(current) {
    if (typeof current.expiresAt === 'number') return (current.expiresAt - Date.now()) / 1000;
    try {
      var payload = current.token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      return JSON.parse(atob(payload)).exp - Date.now() / 1000;
    } catch (error) {
      return 0;
    }
  }

  /** Takes a token answer (generate or refresh) into the session. */
  function takeToken(current, answer) {
    current.token = answer.token;
    current.expiresAt = Date.now() + answer.expires_in * 1000;
  }

  function readSession() {
    try {
      var stored = JSON.parse(window.sessionStorage.getItem(SESSION_KEY) || 'null');
      var valid = stored && typeof stored.token === 'string' && typeof stored.conversationId === 'string' && LOCALES[stored.language];
      return valid ? stored : null;
    } catch (error) {
      return null;
    }
  }

  function saveSession(current) {
    window.sessionStorage.setItem(SESSION_KEY, JSON.stringify(current));
  }

  /** The server's answer as status and body; rejects only when the server could not be reached. */
  function call(method, url, token, body) {
    var headers = { Accept: 'application/json' };
    if (token) headers.Authorization = 'Bearer ' + token;
    if (body) headers['Content-Type'] = 'application/json';
    return fetch(url, { method: method, headers: headers, body: body ? JSON.stringify(body) : undefined }).then(function (response) {
      return response
        .json()
        .catch(function () {
          return null;
        })
        .then(function (json) {
          return { status: response.status, body: json };
        });
    });
  }

  function succeeded(answer) {
    if (answer.status !== 200 && answer.status !== 201) throw new Error('HTTP ' + answer.status);
    return answer.body;
  }

  /** Keeps the stored token fresh, so a reload after a long chat still resumes it. */
  function scheduleRefresh(current) {
    clearTimeout(refreshTimer);
    var delay = Math.max(0, secondsLeft(current) - REFRESH_MARGIN_SECONDS) * 1000;
    refreshTimer = setTimeout(function () {
      call('POST', directLineDomain + '/tokens/refresh', current.token)
        .then(succeeded)
        .then(function (answer) {
          takeToken(current, answer);
          saveSession(current);
          scheduleRefresh(current);
        })
        .catch(function () {
          // Try again shortly while the old token still works.
          if (secondsLeft(current) > 0) refreshTimer = setTimeout(function () { scheduleRefresh(current); }, 30000);
        });
    }, delay);
  }

  // ---- Starting, checking and restoring the conversation ----

  /** Starts a conversation in `chosen`: a token, then the conversation, whose start makes the bot greet. */
  function startConversation(chosen) {
    return call('POST', tokenUrl)
      .then(succeeded)
      .then(function (answer) {
        var fresh = { conversationId: answer.conversationId, language: chosen, spoke: false };
        takeToken(fresh, answer);
        return call('POST', directLineDomain + '/conversations', fresh.token, { locale: LOCALES[chosen] })
          .then(succeeded)
          .then(function () {
            return fresh;
          });
      });
  }

  /**
   * Whether the server still has the session's conversation and takes its token: 'kept', 'gone'
   * (refused token, forgotten conversation) or 'unreachable' (no answer, or a passing failure).
   */
  function checkConversation(current) {
    var refreshed =
      secondsLeft(current) > REFRESH_MARGIN_SECONDS
        ? Promise.resolve('kept')
        : call('POST', directLineDomain + '/tokens/refresh', current.token).then(function (answer) {
            if (answer.status !== 200) return verdictOf(answer.status);
            takeToken(current, answer.body);
            return 'kept';
          });
    return refreshed
      .then(function (verdict) {
        if (verdict !== 'kept') return verdict;
        var url = directLineDomain + '/conversations/' + encodeURIComponent(current.conversationId) + '?watermark=';
        return call('GET', url, current.token).then(function (answer) {
          return answer.status === 200 ? 'kept' : verdictOf(answer.status);
        });
      })
      .catch(function () {
        return 'unreachable';
      });
  }

  function verdictOf(status) {
    return status === 401 || status === 403 || status === 404 ? 'gone' : 'unreachable';
  }

  /**
   * Puts `current` back on screen, or a new conversation in its language when the server no longer
   * has it; tries again while the server cannot be reached.
   */
  function restore(current, attempt) {
    checkConversation(current).then(function (verdict) {
      if (verdict === 'kept') return ready(current, null);
      if (verdict === 'gone') return begin(current.language, 'restarted', attempt);
      retry(function () {
        restore(current, attempt + 1);
      }, current.language, attempt);
    });
  }

  /** A new conversation in `chosen`, with `notice` said above it once it is there. */
  function begin(chosen, notice, attempt) {
    startConversation(chosen).then(
      function (fresh) {
        ready(fresh, notice);
      },
      function () {
        retry(function () {
          begin(chosen, notice, attempt + 1);
        }, chosen, attempt);
      }
    );
  }

  function retry(again, inLanguage, attempt) {
    showNotice(inLanguage, attempt === 0 ? 'reconnecting' : 'unavailable');
    setTimeout(again, RETRY_DELAYS[Math.min(attempt, RETRY_DELAYS.length - 1)]);
  }

  /** The conversation is there: the first screen can post to it, and Web Chat takes it once loaded. */
  function ready(current, notice) {
    session = current;
    saveSession(current);
    showLanguage(current.language);
    showNotice(current.language, notice);
    element('sampark-new-chat').hidden = false;
    scheduleRefresh(current);
    waiting.splice(0).forEach(sendEarly);
    if (webChatLoaded) showChat(current);
  }

  // ---- What the page says, in the conversation's language ----

  function showLanguage(chosen) {
    var strings = config.strings[chosen];
    language = chosen;
    document.documentElement.lang = chosen;
    document.title = strings.title;
    element('sampark-title').textContent = strings.title;
    element('sampark-new-chat').textContent = strings.newChat;
    element('sampark-loading-text').textContent = strings.loading;
    element('sampark-send-input').placeholder = strings.messageHint;
    element('sampark-send-input').setAttribute('aria-label', strings.messageHint);
    element('sampark-send-button').textContent = strings.send;
    element('sampark-greeting').textContent = strings.greeting;
    element('sampark-helpline').textContent = strings.helpline;
    element('sampark-privacy-title').textContent = strings.privacyTitle;
    element('sampark-privacy').textContent = strings.privacy;
    document.querySelector('.sampark-logo').alt = strings.logo;
    each('.sampark-menu .sampark-choice', function (button, index) {
      button.textContent = strings.menu[index];
    });
    each('[data-language]', function (button) {
      button.setAttribute('aria-pressed', String(button.getAttribute('data-language') === chosen));
    });
    if (chat) chat.show(chosen);
  }

  /** One line above the chat (`key` of the page's strings), or none. */
  function showNotice(inLanguage, key) {
    var notice = element('sampark-notice');
    notice.hidden = !key;
    notice.textContent = key ? config.strings[inLanguage][key] : '';
  }

  /** Follows the language the bot answered in (after "English please", say). */
  function follow(locale) {
    var spoken = String(locale || '').toLowerCase().split('-')[0];
    if (!session || !LOCALES[spoken] || spoken === session.language) return;
    session.language = spoken;
    saveSession(session);
    showLanguage(spoken);
  }

  // ---- The first screen's own exchange, while Web Chat loads ----

  function bubble(text, from) {
    var line = document.createElement('div');
    line.className = 'sampark-bubble sampark-bubble--' + from;
    line.textContent = text;
    element('sampark-transcript').appendChild(line);
    line.scrollIntoView({ block: 'end' });
    return line;
  }

  function sendEarly(text) {
    if (!session) return void waiting.push(text);
    var current = session;
    markSpoken();
    var url = directLineDomain + '/conversations/' + encodeURIComponent(current.conversationId) + '/activities';
    var activity = {
      type: 'message',
      text: text,
      locale: LOCALES[current.language],
      from: { id: 'visitor', role: 'user' },
      channelData: { clientActivityID: 'first-screen-' + Date.now().toString(36) + Math.random().toString(36).slice(2, 8) },
    };
    call('POST', url, current.token, activity)
      .then(succeeded)
      .then(function (answer) {
        early.posted[answer.id] = true;
        pollEarly();
      })
      .catch(function () {
        showNotice(current.language, 'unavailable');
      });
  }

  /** Shows the bot's answers to what the first screen sent, until Web Chat has the conversation. */
  function pollEarly() {
    clearTimeout(early.timer);
    if (chat || !session) return;
    var current = session;
    var url = directLineDomain + '/conversations/' + encodeURIComponent(current.conversationId) + '/activities?watermark=' + early.watermark;
    call('GET', url, current.token)
      .then(succeeded)
      .then(function (page) {
        if (chat) return;
        early.watermark = page.watermark || early.watermark;
        (page.activities || []).forEach(showEarlyAnswer);
      })
      .catch(function () {})
      .then(function () {
        if (!chat) early.timer = setTimeout(pollEarly, POLL_MS);
      });
  }

  function showEarlyAnswer(activity) {
    var fromBot = activity.from && activity.from.role === 'bot';
    if (activity.type !== 'message' || !fromBot || !early.posted[activity.replyToId] || early.shown[activity.id]) return;
    early.shown[activity.id] = true;
    follow(activity.locale);
    var answer = bubble(activity.text || '', 'bot');
    var actions = (activity.suggestedActions && activity.suggestedActions.actions) || [];
    if (actions.length === 0) return;
    var menu = document.createElement('div');
    menu.className = 'sampark-menu';
    actions.forEach(function (action) {
      menu.appendChild(choiceButton(action.title || String(action.value)));
    });
    answer.appendChild(menu);
  }

  function choiceButton(title) {
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'sampark-choice';
    button.textContent = title;
    return button;
  }

  /** The conversation has a message from the visitor: a language change is now said to the bot, not a restart. */
  function markSpoken() {
    if (!session || session.spoke) return;
    session.spoke = true;
    saveSession(session);
  }

  // ---- Web Chat ----

  function loadWebChat() {
    var script = document.createElement('script');
    script.src = config.webChatUrl;
    script.onload = function () {
      webChatLoaded = true;
      if (session) showChat(session);
    };
    script.onerror = function () {
      showNotice(language, 'unavailable');
      setTimeout(function () {
        script.remove();
        loadWebChat();
      }, RETRY_DELAYS[RETRY_DELAYS.length - 1]);
    };
    document.head.appendChild(script);
  }

  /** Web Chat on the session's conversation, which the page has started or checked: it reconnects and replays it. */
  function showChat(current) {
    removeChat();
    var host = document.createElement('div');
    host.className = 'sampark-webchat sampark-webchat--arriving';
    element('sampark-main').appendChild(host);

    var directLine = window.WebChat.createDirectLine({
      domain: directLineDomain,
      token: current.token,
      conversationId: current.conversationId,
      webSocket: true,
    });
    var store = window.WebChat.createStore({}, function () {
      return function (next) {
        return function (action) {
          var result = next(action);
          observe(current, action);
          return result;
        };
      };
    });
    // Exposed for support staff and the automated browser test, which wait on Web Chat's own state.
    window.sampark = { store: store };
    // Web Chat gives up on a refused token or a conversation the server has forgotten; the page does not.
    var subscription = directLine.connectionStatus$.subscribe(function (status) {
      if (status === EXPIRED_TOKEN || status === FAILED_TO_CONNECT || status === ENDED) {
        removeChat();
        restore(current, 0);
      }
    });
    var props = function (locale) {
      return {
        directLine: directLine,
        store: store,
        locale: locale,
        styleOptions: {
          accent: config.primaryColor,
          bubbleFromUserBackground: config.primaryColor,
          bubbleFromUserTextColor: '#ffffff',
          bubbleBorderRadius: 12,
          bubbleFromUserBorderRadius: 12,
          primaryFont: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans Devanagari', 'Lohit Devanagari', Mangal, sans-serif",
          hideUploadButton: true,
          // Buttons wrap onto more lines on a narrow phone instead of scrolling sideways.
          suggestedActionLayout: 'flow',
          sendBoxTextWrap: true,
        },
      };
    };
    var view = window.WebChat.renderWebChat(props(LOCALES[current.language]), host);
    chat = {
      directLine: directLine,
      store: store,
      subscription: subscription,
      host: host,
      view: view,
      show: function (chosen) {
        view.update(props(LOCALES[chosen]));
      },
    };
  }

  /** What the page does beside Web Chat's own handling of its actions. */
  function observe(current, action) {
    var activity = action.payload && action.payload.activity;
    if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY' && activity) {
      reveal();
      if (activity.from && activity.from.role === 'bot') follow(activity.locale);
    }
    if (action.type === 'DIRECT_LINE/POST_ACTIVITY' && activity && activity.type === 'message' && current === session) markSpoken();
    if (CHOICES[action.type]) setTimeout(focusSendBox, 0);
  }

  /** Web Chat has the transcript: it takes the first screen's place, with what was typed there. */
  function reveal() {
    if (!chat || !chat.host.classList.contains('sampark-webchat--arriving')) return;
    clearTimeout(early.timer);
    var typed = element('sampark-send-input').value;
    var hadFocus = document.activeElement === element('sampark-send-input');
    chat.host.classList.remove('sampark-webchat--arriving');
    element('sampark-first').hidden = true;
    if (typed) chat.store.dispatch({ type: 'WEB_CHAT/SET_SEND_BOX', payload: { text: typed } });
    if (hadFocus || typed) setTimeout(focusSendBox, 0);
  }

  function focusSendBox() {
    var box = chat && !chat.host.classList.contains('sampark-webchat--arriving') ? chat.host.querySelector('[data-id="webchat-sendbox-input"]') : null;
    (box || element('sampark-send-input')).focus();
  }

  /** Takes the current Web Chat off the page and closes its connection, without it asking to be restored. */
  function removeChat() {
    if (!chat) return;
    chat.subscription.unsubscribe();
    chat.directLine.end();
    chat.view.unmount();
    chat.host.remove();
    chat = null;
    element('sampark-first').hidden = false;
  }

  // ---- The visitor's choices ----

  /**
   * The language control. Before the visitor has said anything, the greeting is started again in the
   * chosen language; afterwards the choice is said to the bot, which answers in it from then on.
   */
  function chooseLanguage(chosen) {
    if (chosen === language) return focusSendBox();
    if (!session || !session.spoke) {
      window.sessionStorage.removeItem(SESSION_KEY);
      session = null;
      removeChat();
      showLanguage(chosen);
      begin(chosen, null, 0);
      return focusSendBox();
    }
    session.language = chosen;
    saveSession(session);
    showLanguage(chosen);
    say(config.languageNames[chosen]);
    focusSendBox();
  }

  /** Sends `text` as the visitor: through Web Chat when it has the conversation, else from the first screen. */
  function say(text) {
    if (chat && !chat.host.classList.contains('sampark-webchat--arriving')) {
      chat.store.dispatch({ type: 'WEB_CHAT/SEND_MESSAGE', payload: { text: text } });
      return;
    }
    bubble(text, 'user');
    sendEarly(text);
  }

  each('[data-language]', function (button) {
    button.addEventListener('click', function () {
      chooseLanguage(button.getAttribute('data-language'));
    });
  });

  element('sampark-transcript').addEventListener('click', function (event) {
    var choice = event.target.closest('.sampark-choice');
    if (!choice) return;
    say(choice.textContent);
    element('sampark-send-input').focus();
  });

  element('sampark-send').addEventListener('submit', function (event) {
    event.preventDefault();
    var input = element('sampark-send-input');
    var text = input.value.trim();
    if (!text) return;
    input.value = '';
    say(text);
    input.focus();
  });

  element('sampark-new-chat').addEventListener('click', function () {
    window.sessionStorage.removeItem(SESSION_KEY);
    window.location.reload();
  });

  // The box and button wait for this script: before it, Enter would submit the form as a page load and lose the text.
  element('sampark-send-input').disabled = false;
  element('sampark-send-button').disabled = false;
  // Web Chat after the page's own script: on 2G the two would share the little bandwidth there is.
  loadWebChat();
  var stored = readSession();
  // A visitor who had not yet said anything and now asks for the page in another language starts afresh in it.
  if (stored && (stored.spoke || stored.language === config.language)) {
    showLanguage(stored.language);
    restore(stored, 0);
  } else begin(config.language, null, 0);
})();
