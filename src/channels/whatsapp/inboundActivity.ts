import { ActivityTypes, TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import type { ConversationRecord } from '../../conversations/conversationReferenceStore';
import type { SharedEvidence } from '../../conversations/sharedEvidence';
import type { InboundMessage } from './inboundMessage';
import { answerOfNumberedChoice } from './outboundMapping';

/** A site or photo older than this belongs to an earlier problem, not to the ticket raised now. */
const EVIDENCE_MAX_AGE_MS = 24 * 3_600_000;

/**
 * The activity the bot sees for a message: text as written (a bare number answering numbered options
 * as that option's value), a tapped button or list row as the text its id carries, a first-time
 * chat opening as a member joining.
 */
export function activityOf(message: InboundMessage, reference: Partial<ConversationReference>, record: ConversationRecord): Partial<Activity> {
  // For a kind the bot cannot read, WhatsApp's own name of it (audio, sticker), so an agent knows what came.
  const kind = message.content.kind === 'unsupported' ? message.content.type : message.content.kind;
  const base = TurnContext.applyConversationReference(
    { id: message.wamid, timestamp: new Date(message.sentAt), channelData: { whatsappKind: kind } },
    reference,
    true,
  );
  const content = message.content;
  switch (content.kind) {
    case 'text':
      return { ...base, type: ActivityTypes.Message, text: answerOfNumberedChoice(content.text, record.numberedChoices) };
    case 'reply':
      return { ...base, type: ActivityTypes.Message, text: content.id };
    case 'welcome':
      return { ...base, type: ActivityTypes.ConversationUpdate, membersAdded: reference.user ? [reference.user] : [] };
    // A photo or location reaches a turn only while an agent has the conversation: it goes on their transcript.
    case 'image':
      return {
        ...base,
        type: ActivityTypes.Message,
        text: content.caption ?? '',
        attachments: [{ contentType: 'image/*', contentUrl: `whatsapp-media:${content.mediaId}` }],
      };
    case 'location':
      return {
        ...base,
        type: ActivityTypes.Message,
        text: '',
        entities: [{ type: 'Place', name: content.site.name ?? '', geo: { type: 'GeoCoordinates', latitude: content.site.latitude, longitude: content.site.longitude } }],
      };
    default:
      return { ...base, type: ActivityTypes.Message, text: '' };
  }
}

/** What the consumer shared recently enough to belong to a ticket raised now. */
export function recentEvidence(record: ConversationRecord, now: Date): SharedEvidence {
  const recent = (at: string) => now.getTime() - Date.parse(at) < EVIDENCE_MAX_AGE_MS;
  return {
    site: record.site && recent(record.site.sharedAt) ? record.site.site : null,
    photos: record.photos.filter((photo) => recent(photo.sharedAt)),
  };
}
