import type { Logger } from '../../log/logger';
import { DELIVERY_STATUSES, type InboundContent, type InboundMessage, type InboundStatus } from './inboundMessage';
import {
  MessagesValueSchema,
  type MessagesValue,
  type WebhookMessage,
  type WebhookStatus,
} from './webhookSchemas';

/** What one webhook POST holds for us, in the order Meta listed it. */
export interface WebhookEvents {
  messages: InboundMessage[];
  statuses: InboundStatus[];
}

/** Message types that are notices from WhatsApp itself (a user changed number), not words to answer. */
const NOTICE_TYPES: ReadonlySet<string> = new Set(['system', 'ephemeral']);

/**
 * Reads every entry and change of a parsed payload: messages of our phone number become inbound
 * messages, statuses of ours become delivery statuses; everything else is skipped (and logged
 * without personal data).
 */
export function webhookEvents(
  changes: ReadonlyArray<{ field: string; value: unknown }>,
  phoneNumberId: string,
  logger: Logger,
): WebhookEvents {
  const events: WebhookEvents = { messages: [], statuses: [] };
  for (const change of changes) {
    if (change.field !== 'messages') continue;
    const value = MessagesValueSchema.safeParse(change.value);
    if (!value.success) {
      logger.warn({ issues: value.error.issues.map((issue) => issue.path.join('.')) }, 'whatsapp change not understood; skipped');
      continue;
    }
    if (value.data.metadata.phone_number_id !== phoneNumberId) {
      logger.warn({ phoneNumberId: value.data.metadata.phone_number_id }, 'whatsapp change for another phone number; skipped');
      continue;
    }
    for (const error of value.data.errors ?? []) {
      logger.error({ code: error.code, title: error.title }, 'whatsapp reported an error for this phone number');
    }
    for (const message of value.data.messages ?? []) {
      const inbound = inboundMessage(message, value.data, logger);
      if (inbound) events.messages.push(inbound);
    }
    for (const status of value.data.statuses ?? []) {
      const inbound = inboundStatus(status);
      if (inbound) events.statuses.push(inbound);
    }
  }
  return events;
}

function inboundMessage(message: WebhookMessage, value: MessagesValue, logger: Logger): InboundMessage | null {
  if (NOTICE_TYPES.has(message.type)) {
    logger.info({ type: message.type }, 'whatsapp notice received; nothing to answer');
    return null;
  }
  const contact = (value.contacts ?? []).find(
    (candidate) =>
      (message.from !== undefined && candidate.wa_id === message.from) ||
      (message.from_user_id !== undefined && candidate.user_id === message.from_user_id),
  );
  const waId = contact?.wa_id ?? message.from ?? null;
  const address = waId ?? message.from_user_id ?? contact?.user_id;
  if (!address) {
    logger.warn({ type: message.type }, 'whatsapp message without a sender; skipped');
    return null;
  }
  return {
    wamid: message.id,
    address,
    waId,
    sentAt: new Date(Number(message.timestamp) * 1000).toISOString(),
    content: contentOf(message),
  };
}

function contentOf(message: WebhookMessage): InboundContent {
  switch (message.type) {
    case 'text':
      if (message.text) return { kind: 'text', text: message.text.body };
      break;
    case 'interactive': {
      const reply = message.interactive?.button_reply ?? message.interactive?.list_reply;
      if (reply) return { kind: 'reply', id: reply.id, title: reply.title };
      break;
    }
    case 'button':
      // A quick reply of a template: its payload is ours when we set one, else the button's words.
      if (message.button) return { kind: 'reply', id: message.button.payload || message.button.text, title: message.button.text };
      break;
    case 'location':
      if (message.location) {
        const { latitude, longitude, name, address } = message.location;
        return { kind: 'location', site: { latitude, longitude, ...(name ? { name } : {}), ...(address ? { address } : {}) } };
      }
      break;
    case 'image':
      if (message.image) return { kind: 'image', mediaId: message.image.id, ...(message.image.caption ? { caption: message.image.caption } : {}) };
      break;
    case 'request_welcome':
      return { kind: 'welcome' };
  }
  return { kind: 'unsupported', type: message.type };
}

function inboundStatus(status: WebhookStatus): InboundStatus | null {
  const known = DELIVERY_STATUSES.find((candidate) => candidate === status.status);
  if (!known) return null;
  return {
    wamid: status.id,
    status: known,
    at: new Date(Number(status.timestamp) * 1000).toISOString(),
    errors: (status.errors ?? []).map((error) => ({ code: error.code, title: error.title ?? error.message ?? '' })),
    ...(status.biz_opaque_callback_data ? { callbackData: status.biz_opaque_callback_data } : {}),
  };
}
