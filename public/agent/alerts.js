/*
 * Alerts for an agent working in another tab: a short tone and a browser notification when a
 * consumer starts waiting or writes in one of their conversations, only while this tab is hidden
 * and only after the agent turned them on (the choice is kept in this browser). A notification says
 * what happened, never what anybody wrote: it shows on a locked screen.
 */
var AgentAlerts = (function () {
  'use strict';

  var el = Staff.el;
  var KEY = 'sampark.agent.alerts';
  var audio = null;

  function wanted() {
    return localStorage.getItem(KEY) === 'on' && typeof Notification !== 'undefined' && Notification.permission === 'granted';
  }

  function toggle() {
    var on = wanted();
    var button = el('button', {
      type: 'button',
      class: 'staff-secondary agent-alerts',
      'data-testid': 'alerts',
      'aria-pressed': String(on),
      text: Staff.t(on ? 'page.alerts.on' : 'page.alerts.off'),
    });
    button.onclick = function () {
      if (wanted()) {
        localStorage.removeItem(KEY);
        return redraw(button);
      }
      if (typeof Notification === 'undefined') return;
      Notification.requestPermission().then(function (permission) {
        if (permission === 'granted') localStorage.setItem(KEY, 'on');
        else button.title = Staff.t('page.alerts.blocked');
        redraw(button);
      });
    };
    return button;
  }

  function redraw(button) {
    var on = wanted();
    button.setAttribute('aria-pressed', String(on));
    button.textContent = Staff.t(on ? 'page.alerts.on' : 'page.alerts.off');
  }

  /** A short tone made in the page: no sound file to fetch, nothing for the security policy to allow. */
  function tone() {
    try {
      audio = audio || new AudioContext();
      var oscillator = audio.createOscillator();
      var gain = audio.createGain();
      oscillator.frequency.value = 880;
      gain.gain.value = 0.1;
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start();
      oscillator.stop(audio.currentTime + 0.2);
    } catch (error) {
      /* A browser without sound still gets the notification. */
    }
  }

  function alert(text) {
    if (!document.hidden || !wanted()) return;
    tone();
    new Notification(Staff.t('page.title'), { body: text, tag: 'sampark-agent' });
  }

  return { toggle: toggle, alert: alert };
})();
