/*
 * Actions tapped on the field page while the phone has no network, kept on the phone (localStorage)
 * per user until they are sent, in the order they were tapped; and those the server refused when
 * they finally went (the ticket had moved on meanwhile), kept until the user has read them.
 */
(function () {
  'use strict';

  var PREFIX = 'sampark.field.';

  function read(kind, username) {
    try {
      var stored = JSON.parse(localStorage.getItem(PREFIX + kind + '.' + username) || '[]');
      return Array.isArray(stored) ? stored : [];
    } catch (error) {
      /* A damaged entry is the same as none. */
      return [];
    }
  }

  function write(kind, username, items) {
    if (items.length === 0) localStorage.removeItem(PREFIX + kind + '.' + username);
    else localStorage.setItem(PREFIX + kind + '.' + username, JSON.stringify(items));
  }

  function without(kind, username, id) {
    write(kind, username, read(kind, username).filter(function (item) { return item.id !== id; }));
  }

  var counter = 0;

  window.FieldQueue = {
    /** A new id for an action, unique on this phone. */
    newId: function () {
      counter += 1;
      return Date.now().toString(36) + '-' + counter + '-' + Math.random().toString(36).slice(2, 8);
    },
    /** The user's actions waiting for the network, oldest first. */
    waiting: function (username) { return read('queue', username); },
    add: function (username, item) { write('queue', username, read('queue', username).concat([item])); },
    sent: function (username, id) { without('queue', username, id); },
    /** Actions the server refused when they were sent, oldest first. */
    conflicts: function (username) { return read('conflicts', username); },
    refused: function (username, item, problem) {
      without('queue', username, item.id);
      write('conflicts', username, read('conflicts', username).concat([{ id: item.id, number: item.number, name: item.name, problem: problem, tappedAt: item.tappedAt }]));
    },
    dismiss: function (username, id) { without('conflicts', username, id); },
  };
})();
