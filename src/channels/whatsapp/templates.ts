import type { Notification } from '../../conversations/notification';
import type { OutboundMessage } from './graphMessages';
import { shorten } from './textFitting';
import type { TemplateSettings } from './whatsAppSettings';

/** A template parameter may not hold line breaks, tabs or runs of spaces; the agent's words are kept short. */
const MAX_PARAMETER = 900;

function parameter(text: string): { type: 'text'; text: string } {
  return { type: 'text', text: shorten(text, MAX_PARAMETER) };
}

/**
 * The approved template that carries `notification` outside the 24-hour window, in the consumer's
 * language. Bodies (docs/whatsapp.md): ticket update "{{1}}: {{2}}", agent reply "{{1}}".
 */
export function templateMessage(notification: Notification, settings: TemplateSettings): OutboundMessage {
  const parameters =
    notification.kind === 'ticket_update'
      ? [parameter(notification.ticketNumber), parameter(notification.status)]
      : [parameter(notification.text)];
  return {
    type: 'template',
    template: {
      name: settings.names[notification.kind],
      language: { code: settings.languages[notification.language], policy: 'deterministic' },
      components: [{ type: 'body', parameters }],
    },
  };
}
