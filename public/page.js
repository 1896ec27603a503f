/*
 * The web chat page: the visitor picks Hindi or English, the page gets a Direct Line token and
 * renders Microsoft's Web Chat. The token and conversation id stay in sessionStorage, so a reload
 * of the tab resumes the same conversation (Web Chat replays its transcript) instead of starting over.
 */
(function () {
  'use strict';

  var SESSION_KEY = 'sampark.webchat.session';
  /** Refresh a token this many seconds before it expires. */
  var REFRESH_MARGIN_SECONDS = 300;
  var LOCALES = { hi: 'hi-IN', en: 'en-US' };

  var config = JSON.parse(document.getElementById('sampark-config').textContent);
  var directLineDomain = config.directLineDomain || window.location.origin + '/v3/directline';
  var tokenUrl = config.tokenUrl || directLineDomain + '/tokens/generate';
  var refreshTimer = null;

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
    var headers = { Accept: 'application/json' };
    if (token) headers.Authorization = 'Bearer ' + token;
    return fetch(url, { method: 'POST', headers: headers }).then(function (response) {
      if (!response.ok) throw new Error('HTTP ' + response.status);
      return response.json();
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

  function startChat(session, resuming) {
    var locale = LOCALES[session.language];
    showStrings(session.language);
    element('sampark-picker').hidden = true;
    element('sampark-new-chat').hidden = false;
    var host = element('sampark-webchat');
    host.hidden = false;

    var directLine = window.WebChat.createDirectLine({
      domain: directLineDomain,
      token: session.token,
      // With a conversation id the client reconnects to it; without, it starts the conversation.
      conversationId: resuming ? session.conversationId : undefined,
      conversationStartProperties: { locale: locale },
      webSocket: true,
    });
    var store = window.WebChat.createStore();
    // Exposed for support staff and the automated browser test, which wait on Web Chat's own state.
    window.sampark = { store: store };

    window.WebChat.renderWebChat(
      {
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
      },
      host
    );
    scheduleRefresh(session);
  }

  function setPickerBusy(busy) {
    Array.prototype.forEach.call(document.querySelectorAll('[data-language]'), function (button) {
      button.disabled = busy;
    });
  }

  function begin(language) {
    setPickerBusy(true);
    post(tokenUrl)
      .then(function (answer) {
        var session = { conversationId: answer.conversationId, language: language };
        takeToken(session, answer);
        saveSession(session);
        startChat(session, false);
      })
      .catch(function () {
        setPickerBusy(false);
        showPicker(true);
      });
  }

  function resume(session) {
    if (secondsLeft(session) > REFRESH_MARGIN_SECONDS) return startChat(session, true);
    post(directLineDomain + '/tokens/refresh', session.token)
      .then(function (answer) {
        takeToken(session, answer);
        saveSession(session);
        startChat(session, true);
      })
      .catch(function () {
        window.sessionStorage.removeItem(SESSION_KEY);
        showPicker(false);
      });
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
  if (stored && secondsLeft(stored) > 0) resume(stored);
  else {
    window.sessionStorage.removeItem(SESSION_KEY);
    showPicker(false);
  }
})();
