/*
 * What every staff console shares: its strings in Hindi and English, signing in, the session,
 * calls to the API with the session's bearer token, and live updates as Server-Sent Events read
 * with fetch (EventSource cannot send an Authorization header, and a token never goes into a URL).
 */
(function () {
  'use strict';

  var SESSION_KEY = 'sampark.staff.session';
  var LANGUAGE_KEY = 'sampark.staff.language';
  var config = JSON.parse(document.getElementById('staff-config').textContent);
  var languageListeners = [];
  var signedOutListeners = [];

  function ApiError(status, body) {
    this.name = 'ApiError';
    this.status = status;
    this.body = body;
    this.message = 'HTTP ' + status + (body && body.error ? ' ' + body.error : '');
  }
  ApiError.prototype = Object.create(Error.prototype);

  function storedLanguage() {
    var saved = localStorage.getItem(LANGUAGE_KEY);
    if (saved === 'hi' || saved === 'en') return saved;
    return /^en\b/i.test(navigator.language || '') ? 'en' : 'hi';
  }

  function lookup(tree, path) {
    return path.split('.').reduce(function (node, part) {
      return node && typeof node === 'object' ? node[part] : undefined;
    }, tree);
  }

  /** Builds an element; children are nodes or strings (always text, never HTML). */
  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      var value = attributes[name];
      if (value === undefined || value === null || value === false) return;
      if (name === 'onclick' || name === 'onsubmit' || name === 'onchange' || name === 'oninput') node[name] = value;
      else if (name === 'text') node.textContent = value;
      else node.setAttribute(name, value === true ? '' : String(value));
    });
    (children || []).forEach(function (child) {
      if (child !== null && child !== undefined && child !== false) node.append(child);
    });
    return node;
  }

  function readSession() {
    try {
      var session = JSON.parse(sessionStorage.getItem(SESSION_KEY) || 'null');
      if (session && Date.parse(session.expiresAt) > Date.now()) return session;
    } catch (error) {
      /* A damaged entry is the same as none. */
    }
    sessionStorage.removeItem(SESSION_KEY);
    return null;
  }

  var Staff = {
    page: config.page,
    lang: storedLanguage(),
    ApiError: ApiError,
    el: el,

    /** `staff.x.y` from the shared strings, `page.x.y` from the page's own; {{name}} filled from params. */
    t: function (key, params) {
      var text = lookup(config.strings[Staff.lang], key);
      if (typeof text !== 'string') return key;
      return text.replace(/\{\{\s*(\w+)\s*\}\}/g, function (whole, name) {
        return params && params[name] !== undefined ? String(params[name]) : whole;
      });
    },

    setLang: function (language) {
      if (language !== 'hi' && language !== 'en') return;
      Staff.lang = language;
      localStorage.setItem(LANGUAGE_KEY, language);
      document.documentElement.lang = language;
      languageListeners.forEach(function (listener) {
        listener(language);
      });
    },
    onLanguage: function (listener) {
      languageListeners.push(listener);
    },

    identity: function () {
      var session = readSession();
      return session ? session.identity : null;
    },
    onSignedOut: function (listener) {
      signedOutListeners.push(listener);
    },
    /** Forgets the session in this tab (it ended, or the server refused it). */
    signOut: function () {
      sessionStorage.removeItem(SESSION_KEY);
      signedOutListeners.forEach(function (listener) {
        listener();
      });
    },

    /**
     * The sign-out button: ends the session on the server, so the token is refused everywhere even if
     * it was copied, then forgets it here. The page signs out even when the server cannot be reached.
     */
    signOutEverywhere: function () {
      var session = readSession();
      var ended = session
        ? fetch('/api/staff/sign-out', { method: 'POST', headers: { Authorization: 'Bearer ' + session.token } }).catch(function () {
            return null;
          })
        : Promise.resolve(null);
      return ended.then(function () {
        Staff.signOut();
      });
    },

    /** A Hindi/English switch. */
    languageToggle: function () {
      var box = el('div', { class: 'staff-languages', role: 'group', 'aria-label': Staff.t('staff.header.language') });
      ['hi', 'en'].forEach(function (language) {
        box.append(
          el('button', {
            type: 'button',
            lang: language,
            class: 'staff-language',
            'aria-pressed': String(Staff.lang === language),
            'data-language': language,
            text: config.languageNames[language],
            onclick: function () {
              Staff.setLang(language);
            },
          }),
        );
      });
      return box;
    },

    /** The bar on top of every console: its title, who is signed in, the language and sign-out. */
    header: function (title) {
      var identity = Staff.identity();
      return el('header', { class: 'staff-header' }, [
        el('h1', { class: 'staff-title', text: title }),
        identity
          ? el('span', {
              class: 'staff-who',
              'data-testid': 'staff-who',
              text: Staff.t('staff.header.signedInAs', { name: identity.name, role: Staff.t('staff.roles.' + identity.role) }),
            })
          : null,
        Staff.languageToggle(),
        identity
          ? el('button', { type: 'button', class: 'staff-sign-out', text: Staff.t('staff.header.signOut'), onclick: Staff.signOutEverywhere })
          : null,
      ]);
    },

    /** Renders the sign-in form into `container`; calls `onSignedIn(identity)` once signed in. */
    signInForm: function (container, onSignedIn) {
      var problem = el('p', { class: 'staff-problem', role: 'alert', hidden: true });
      var username = el('input', { id: 'staff-username', name: 'username', autocomplete: 'username', required: true, autocapitalize: 'none' });
      var password = el('input', { id: 'staff-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
      var submit = el('button', { type: 'submit', class: 'staff-primary', text: Staff.t('staff.signIn.submit') });
      var form = el('form', { class: 'staff-sign-in', 'aria-labelledby': 'staff-sign-in-title' }, [
        el('h2', { id: 'staff-sign-in-title', text: Staff.t('staff.signIn.title') }),
        el('label', { for: 'staff-username', text: Staff.t('staff.signIn.username') }),
        username,
        el('label', { for: 'staff-password', text: Staff.t('staff.signIn.password') }),
        password,
        submit,
        problem,
      ]);
      form.onsubmit = function (event) {
        event.preventDefault();
        submit.disabled = true;
        submit.textContent = Staff.t('staff.signIn.working');
        problem.hidden = true;
        fetch('/api/staff/sign-in', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ username: username.value, password: password.value }),
        })
          .then(function (response) {
            return response.json().then(function (body) {
              if (!response.ok) throw new ApiError(response.status, body);
              var identity = { username: body.username, name: body.name, role: body.role, area: body.area || null };
              // Timed by this device's clock: a phone's clock may be hours off the server's.
              var expiresAt = new Date(Date.now() + body.expiresInSeconds * 1000).toISOString();
              sessionStorage.setItem(SESSION_KEY, JSON.stringify({ token: body.token, expiresAt: expiresAt, identity: identity }));
              onSignedIn(identity);
            });
          })
          .catch(function (error) {
            var key = error.status === 401 ? 'wrongCredentials' : error.status === 429 ? 'locked' : 'failed';
            problem.textContent = Staff.t('staff.signIn.' + key);
            problem.hidden = false;
            submit.disabled = false;
            submit.textContent = Staff.t('staff.signIn.submit');
            password.value = '';
            password.focus();
          });
      };
      container.replaceChildren(form);
      username.focus();
    },

    /** Calls the API as the signed-in user; resolves with the parsed body, rejects with an ApiError. */
    api: function (method, path, body) {
      var session = readSession();
      if (!session) {
        Staff.signOut();
        return Promise.reject(new ApiError(401, { error: 'no_session' }));
      }
      var headers = { Authorization: 'Bearer ' + session.token, Accept: 'application/json' };
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      return fetch(path, { method: method, headers: headers, body: body === undefined ? undefined : JSON.stringify(body) }).then(
        function (response) {
          var type = response.headers.get('content-type') || '';
          var parsed = type.indexOf('json') >= 0 ? response.json() : response.text();
          return parsed.then(function (content) {
            if (response.status === 401) Staff.signOut();
            if (!response.ok) throw new ApiError(response.status, content);
            return content;
          });
        },
      );
    },

    /** Reads `path` as Server-Sent Events, reconnecting with backoff; `onEvent(name, data)`; returns close(). */
    stream: function (path, onEvent) {
      var stopped = false;
      var controller = null;
      var retryMs = 1000;

      function dispatch(block) {
        var name = 'message';
        var data = [];
        block.split(/\r?\n/).forEach(function (line) {
          if (!line || line.charAt(0) === ':') return;
          var colon = line.indexOf(':');
          var field = colon < 0 ? line : line.slice(0, colon);
          var value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
          if (field === 'event') name = value;
          else if (field === 'data') data.push(value);
        });
        if (data.length === 0) return;
        var text = data.join('\n');
        var parsed;
        try {
          parsed = JSON.parse(text);
        } catch (error) {
          parsed = text;
        }
        onEvent(name, parsed);
      }

      function retry() {
        if (stopped) return;
        setTimeout(connect, retryMs);
        retryMs = Math.min(retryMs * 2, 30000);
      }

      function connect() {
        var session = readSession();
        if (stopped) return;
        if (!session) return Staff.signOut();
        controller = new AbortController();
        fetch(path, { headers: { Authorization: 'Bearer ' + session.token, Accept: 'text/event-stream' }, signal: controller.signal })
          .then(function (response) {
            if (response.status === 401) return Staff.signOut();
            if (!response.ok || !response.body) throw new ApiError(response.status, null);
            retryMs = 1000;
            onEvent('open', null);
            var reader = response.body.getReader();
            var decoder = new TextDecoder();
            var buffer = '';
            function pump() {
              return reader.read().then(function (chunk) {
                if (chunk.done) throw new Error('stream ended');
                buffer += decoder.decode(chunk.value, { stream: true });
                var blocks = buffer.split(/\r?\n\r?\n/);
                buffer = blocks.pop();
                blocks.forEach(dispatch);
                return pump();
              });
            }
            return pump();
          })
          .catch(retry);
      }

      connect();
      return function close() {
        stopped = true;
        if (controller) controller.abort();
      };
    },
  };

  document.documentElement.lang = Staff.lang;
  window.Staff = Staff;
})();
