import { z } from 'zod';

/**
 * The messages Sampark sends through the Graph API, as stored in the outbox between the turn that
 * wrote them and the job that sends them (so they are read back through these schemas). Meta's
 * limits are applied where the messages are made (outboundMapping, templates); the tests' fake
 * Graph API checks them independently.
 */
const TextMessageSchema = z.object({
  type: z.literal('text'),
  text: z.object({ body: z.string().min(1), preview_url: z.boolean() }),
});

const ReplyButtonsSchema = z.object({
  type: z.literal('button'),
  body: z.object({ text: z.string().min(1) }),
  action: z.object({
    buttons: z.array(z.object({ type: z.literal('reply'), reply: z.object({ id: z.string(), title: z.string() }) })),
  }),
});

const ListSchema = z.object({
  type: z.literal('list'),
  body: z.object({ text: z.string().min(1) }),
  action: z.object({
    button: z.string(),
    sections: z.array(
      z.object({
        title: z.string().optional(),
        rows: z.array(z.object({ id: z.string(), title: z.string(), description: z.string().optional() })),
      }),
    ),
  }),
});

const InteractiveMessageSchema = z.object({
  type: z.literal('interactive'),
  interactive: z.discriminatedUnion('type', [ReplyButtonsSchema, ListSchema]),
});

const TemplateMessageSchema = z.object({
  type: z.literal('template'),
  template: z.object({
    name: z.string(),
    language: z.object({ code: z.string(), policy: z.literal('deterministic') }),
    components: z.array(
      z.discriminatedUnion('type', [
        z.object({ type: z.literal('body'), parameters: z.array(z.object({ type: z.literal('text'), text: z.string() })) }),
        /** The payload a template's quick-reply button (by index) hands back when tapped. */
        z.object({
          type: z.literal('button'),
          sub_type: z.literal('quick_reply'),
          index: z.string(),
          parameters: z.array(z.object({ type: z.literal('payload'), payload: z.string() })),
        }),
      ]),
    ),
  }),
});

export const OutboundMessageSchema = z.discriminatedUnion('type', [TextMessageSchema, InteractiveMessageSchema, TemplateMessageSchema]);
/** One message to send, without its recipient. */
export type OutboundMessage = z.infer<typeof OutboundMessageSchema>;

/** A phone number (digits) goes in `to`; a business-scoped user id in `recipient`. */
function addressField(address: string): { to: string } | { recipient: string } {
  return /^\d+$/.test(address) ? { to: address } : { recipient: address };
}

/** The body of POST /{version}/{phone-number-id}/messages. */
export function messageRequest(address: string, message: OutboundMessage): Record<string, unknown> {
  return { messaging_product: 'whatsapp', recipient_type: 'individual', ...addressField(address), ...message };
}

/** Marks a received message read and shows the typing indicator under it (until the reply, or 25 s). */
export function typingRequest(wamid: string): Record<string, unknown> {
  return { messaging_product: 'whatsapp', status: 'read', message_id: wamid, typing_indicator: { type: 'text' } };
}
