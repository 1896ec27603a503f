import type { OutboundMessage } from '../channels/whatsapp/graphMessages';
import type { Language } from '../i18n/language';
import { CAMPAIGN_ACTIONS, actionPayload } from './campaign';
import type { OutreachSettings } from './outreachSettings';

/**
 * The campaign's approved utility template for one consumer. Body (docs/whatsapp.md): "{{1}}" the
 * discom, "{{2}}" the CA number; its four quick-reply buttons carry payloads naming the campaign and
 * the action and the connection, so a tap comes back as `campaign:<id>:<action>:<CA number>` whatever
 * the button's words.
 */
export function campaignTemplate(
  campaignId: string,
  caNumber: string,
  language: Language,
  discomName: string,
  template: OutreachSettings['template'],
): OutboundMessage {
  return {
    type: 'template',
    template: {
      name: template.name,
      language: { code: template.languages[language], policy: 'deterministic' },
      components: [
        {
          type: 'body',
          parameters: [
            { type: 'text', text: discomName },
            { type: 'text', text: caNumber },
          ],
        },
        ...CAMPAIGN_ACTIONS.map((action, index) => ({
          type: 'button' as const,
          sub_type: 'quick_reply' as const,
          index: String(index),
          parameters: [{ type: 'payload' as const, payload: actionPayload(campaignId, action, caNumber) }],
        })),
      ],
    },
  };
}
