/*
 * What the page uses of Microsoft's Web Chat, and nothing else: the transcript and send box
 * (botframework-webchat-component, without Adaptive Cards or speech), its store, the Direct Line
 * client, and React to render them. Bundled by src/channels/directline/webChatBundle.ts.
 */
import ReactWebChat from 'botframework-webchat-component';
import { createStore } from 'botframework-webchat-core';
import { DirectLine } from 'botframework-directlinejs/lib/directLine';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';

window.WebChat = {
  createDirectLine: function (options) {
    return new DirectLine(options);
  },
  createStore: createStore,
  /** Renders Web Chat into `element`; the answer renders it again with other props (a locale), or takes it away. */
  renderWebChat: function (props, element) {
    var root = createRoot(element);
    root.render(createElement(ReactWebChat, props));
    return {
      update: function (newProps) {
        root.render(createElement(ReactWebChat, newProps));
      },
      unmount: function () {
        root.unmount();
      },
    };
  },
};
