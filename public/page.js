/*
 * The web chat page: the visitor picks Hindi or English, the page starts a Direct Line conversation
 * and renders Microsoft's Web Chat on it. The token and conversation id stay in sessionStorage, so a
 * reload of the tab resumes the same conversation (Web Chat replays its transcript) instead of
 * starting over. A conversation the server no longer has (a restart without Redis, a refused or
 * expired token) is replaced by a new one in the same language, and the visitor is told in one line.
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

  var config = JSON.parse(document.getElementById('sampark-config').textContent);
  var directLineDomain = config.directLineDomain || window.location.origin + '/v3/directline';
  var tokenUrl = config.tokenUrl || directLineDomain + '/tokens/generate';
  var refreshTimer = null;
  /** The Web Chat on screen: its Direct Line, the subscription to its state, and its element. */
  var chat = null;

  document.documentElement.style.setProperty('--brand', config.primaryColor);

  function element(id) {
    return document.getElementById(id);
  }

  /**
   * Seconds the session's token has left, timed by this device's clock from the lifetime the server
   * gave (`expires_in`): a phone's clock may be hours off the server's, so the token's own `exp` is
   * only read for a session saved before the page kept its own expiry.
   */
  function secondsLeft(session) {
    if (typeof session.expiresAt === 'number') return (session.expiresAt - Date.now()) / 1000;
    try {
      var payload = session.token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      return JSON.parse(atob(payload)).exp - Date.now() / 1000;
    } catch (error) {
      return 0;
    }
  }

  /** Takes a token answer (generate or refresh) into the session. */
  function takeToken(session, answer) {
    session.token = answer.token;
    session.expiresAt = Date.now() + answer.expires_in * 1000;
  }

  function readSession() {
    try {
      var session = JSON.parse(window.sessionStorage.getItem(SESSION_KEY) || 'null');
      var valid = session && typeof session.token === 'string' && typeof session.conversationId === 'string' && LOCALES[session.language];
      return valid ? session : null;
    } catch (error) {
      return null;
    }
  }

  function saveSession(session) {
    window.sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
  }

  function post(url, token) {
    return call('POST', url, token).then(function (answer) {
      if (answer.status !== 200 && answer.status !== 201) throw new Error('HTTP ' + answer.status);
      return answer.body;
    });
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

  /** Keeps the stored token fresh, so a reload after a long chat still resumes it. */
  function scheduleRefresh(session) {
    clearTimeout(refreshTimer);
    var delay = Math.max(0, secondsLeft(session) - REFRESH_MARGIN_SECONDS) * 1000;
    refreshTimer = setTimeout(function () {
      post(directLineDomain + '/tokens/refresh', session.token)
        .then(function (answer) {
          takeToken(session, answer);
          saveSession(session);
          scheduleRefresh(session);
        })
        .catch(function () {
          // Try again shortly while the old token still works.
          if (secondsLeft(session) > 0) refreshTimer = setTimeout(function () { scheduleRefresh(session); }, 30000);
        });
    }, delay);
  }

  function showStrings(language) {
    var strings = config.strings[language];
    document.documentElement.lang = language;
    element('sampark-title').textContent = strings.title;
    element('sampark-new-chat').textContent = strings.newChat;
  }

  function showPicker(problem) {
    var hi = config.strings.hi;
    var en = config.strings.en;
    element('sampark-choose').textContent = hi.chooseLanguage + ' · ' + en.chooseLanguage;
    element('sampark-intro').textContent = hi.intro;
    document.querySelector('[data-language="hi"]').textContent = config.languageNames.hi;
    document.querySelector('[data-language="en"]').textContent = config.languageNames.en;
    var problemLine = element('sampark-problem');
    problemLine.hidden = !problem;
    problemLine.textContent = problem ? hi.unavailable + ' · ' + en.unavailable : '';
    element('sampark-picker').hidden = false;
  }

  /** One line above the chat (`key` of the page's strings in the session's language), or none. */
  function showNotice(language, key) {
    var notice = element('sampark-notice');
    notice.hidden = !key;
    notice.textContent = key ? config.strings[language][key] : '';
  }

  /** Starts a conversation in `language`: a token, then the conversation, whose start makes the bot greet. */
  function startConversation(language) {
    return post(tokenUrl).then(function (answer) {
      var session = { conversationId: answer.conversationId, language: language };
      takeToken(session, answer);
      return call('POST', directLineDomain + '/conversations', session.token, { locale: LOCALES[language] }).then(function (started) {
        if (started.status !== 200 && started.status !== 201) throw new Error('HTTP ' + started.status);
        saveSession(session);
        return session;
      });
    });
  }

  /**
   * Whether the server still has the session's conversation and takes its token: 'kept', 'gone'
   * (refused token, forgotten conversation) or 'unreachable' (no answer, or a passing failure).
   */
  function checkConversation(session) {
    var refreshed =
      secondsLeft(session) > REFRESH_MARGIN_SECONDS
        ? Promise.resolve('kept')
        : call('POST', directLineDomain + '/tokens/refresh', session.token).then(function (answer) {
            if (answer.status !== 200) return verdictOf(answer.status);
            takeToken(session, answer.body);
            saveSession(session);
            return 'kept';
          });
    return refreshed
      .then(function (verdict) {
        if (verdict !== 'kept') return verdict;
        var url = directLineDomain + '/conversations/' + encodeURIComponent(session.conversationId) + '?watermark=';
        return call('GET', url, session.token).then(function (answer) {
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
   * Puts the session's conversation back on screen, or a new one in its language when the server
   * no longer has it; tries again while the server cannot be reached.
   */
  function restore(session, attempt) {
    checkConversation(session).then(function (verdict) {
      if (verdict === 'kept') return showChat(session, null);
      if (verdict === 'gone') {
        return startConversation(session.language).then(
          function (fresh) {
            showChat(fresh, 'restarted');
          },
          function () {
            retry(session, attempt);
          }
        );
      }
      retry(session, attempt);
    });
  }

  function retry(session, attempt) {
    showNotice(session.language, 'reconnecting');
    setTimeout(function () {
      restore(session, attempt + 1);
    }, RETRY_DELAYS[Math.min(attempt, RETRY_DELAYS.length - 1)]);
  }

  /** Web Chat on the session's conversation, which the page has started or checked: it reconnects and replays it. */
  function showChat(session, notice) {
    removeChat();
    showStrings(session.language);
    showNotice(session.language, notice);
    element('sampark-picker').hidden = true;
    element('sampark-new-chat').hidden = false;
    var host = document.createElement('div');
    host.className = 'sampark-webchat';
    element('sampark-main').appendChild(host);

    var directLine = window.WebChat.createDirectLine({
      domain: directLineDomain,
      token: session.token,
      conversationId: session.conversationId,
      webSocket: true,
    });
    var store = window.WebChat.createStore();
    // Exposed for support staff and the automated browser test, which wait on Web Chat's own state.
    window.sampark = { store: store };
    // Web Chat gives up on a refused token or a conversation the server has forgotten; the page does not.
    var subscription = directLine.connectionStatus$.subscribe(function (status) {
      if (status === EXPIRED_TOKEN || status === FAILED_TO_CONNECT || status === ENDED) {
        removeChat();
        restore(session, 0);
      }
    });
    chat = { directLine: directLine, subscription: subscription, host: host };

    window.WebChat.renderWebChat(
      {
        directLine: directLine,
        store: store,
        locale: LOCALES[session.language],
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
      },
      host
    );
    scheduleRefresh(session);
  }

  /** Takes the current Web Chat off the page and closes its connection, without it asking to be restored. */
  function removeChat() {
    if (!chat) return;
    chat.subscription.unsubscribe();
    chat.directLine.end();
    chat.host.remove();
    chat = null;
  }

  function setPickerBusy(busy) {
    Array.prototype.forEach.call(document.querySelectorAll('[data-language]'), function (button) {
      button.disabled = busy;
    });
  }

  function begin(language) {
    setPickerBusy(true);
    startConversation(language).then(
      function (session) {
        showChat(session, null);
      },
      function () {
        setPickerBusy(false);
        showPicker(true);
      }
    );
  }

  Array.prototype.forEach.call(document.querySelectorAll('[data-language]'), function (button) {
    button.addEventListener('click', function () {
      begin(button.getAttribute('data-language'));
    });
  });

  element('sampark-new-chat').addEventListener('click', function () {
    window.sessionStorage.removeItem(SESSION_KEY);
    window.location.reload();
  });

  var stored = readSession();
  if (stored) restore(stored, 0);
  else showPicker(false);
})();
