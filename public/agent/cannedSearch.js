/*
 * Ready replies by typing "/" in the reply box, as agents know it from Chatwoot or Zendesk: "/"
 * lists the replies of the conversation's language (with the consumer's name and CA number written
 * in by the server), the words after it narrow the list, the arrows move, Enter or Tab or a click
 * puts the reply in the box in place of what was typed, to edit before sending; Escape closes it.
 */
var AgentCannedSearch = (function () {
  'use strict';

  var el = Staff.el;
  /** A typed "/word" and everything after it, at the start of the box or after a space. */
  var TRIGGER = /(^|\s)\/([^\s/]*)$/;

  /** Wires the box; returns the list element to place under it. */
  function attach(box, replies, changed) {
    var list = el('ul', { id: 'agent-canned-suggestions', class: 'agent-suggestions', role: 'listbox', 'data-testid': 'canned-suggestions', hidden: true });
    var shown = [];
    var selected = 0;

    function matching() {
      var typed = TRIGGER.exec(box.value.slice(0, box.selectionEnd));
      if (!typed) return null;
      var words = typed[2].toLowerCase();
      return replies.filter(function (reply) {
        return !words || reply.id.toLowerCase().indexOf(words) >= 0 || reply.text.toLowerCase().indexOf(words) >= 0;
      });
    }

    function render() {
      var found = matching();
      if (!found) {
        list.hidden = true;
        shown = [];
        return;
      }
      shown = found;
      selected = Math.min(selected, Math.max(0, shown.length - 1));
      list.hidden = false;
      list.replaceChildren.apply(list, shown.length === 0
        ? [el('li', { class: 'agent-muted', text: Staff.t('page.shortcuts.cannedEmpty') })]
        : shown.map(function (reply, index) {
          var option = el('li', { role: 'option', 'aria-selected': String(index === selected), 'data-reply': reply.id, text: reply.text });
          // Before the box loses focus to the click.
          option.onmousedown = function (event) {
            event.preventDefault();
            pick(reply);
          };
          return option;
        }));
    }

    function pick(reply) {
      var end = box.selectionEnd;
      var before = box.value.slice(0, end).replace(TRIGGER, function (_all, space) { return space + reply.text; });
      box.value = before + box.value.slice(end);
      box.setSelectionRange(before.length, before.length);
      changed(box.value);
      render();
    }

    box.addEventListener('input', function () {
      selected = 0;
      render();
    });
    box.addEventListener('keydown', function (event) {
      if (list.hidden || shown.length === 0) return;
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        selected = (selected + (event.key === 'ArrowDown' ? 1 : shown.length - 1)) % shown.length;
        render();
      } else if ((event.key === 'Enter' && !event.ctrlKey && !event.metaKey) || event.key === 'Tab') {
        event.preventDefault();
        pick(shown[selected]);
      } else if (event.key === 'Escape') {
        list.hidden = true;
      }
    });
    box.addEventListener('blur', function () { list.hidden = true; });
    // A live update draws the box anew and gives it the focus back: the list comes back with it.
    box.addEventListener('focus', render);
    return list;
  }

  return { attach: attach };
})();
