import { z } from 'zod';
import { TicketSiteSchema } from '../../tickets/ticket';

/** What a WhatsApp message says, as far as the bot can read it. */
const InboundContentSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), text: z.string() }),
  /** A tapped reply button, list row or template quick reply: `id` carries the value we sent. */
  z.object({ kind: z.literal('reply'), id: z.string(), title: z.string() }),
  z.object({ kind: z.literal('location'), site: TicketSiteSchema }),
  z.object({ kind: z.literal('image'), mediaId: z.string(), caption: z.string().optional() }),
  /** The user opened the chat for the first time (request_welcome). */
  z.object({ kind: z.literal('welcome') }),
  /** Audio, stickers, reactions, files...: answered with what the bot can read. */
  z.object({ kind: z.literal('unsupported'), type: z.string() }),
]);
export type InboundContent = z.infer<typeof InboundContentSchema>;

/** One message from a WhatsApp user, as taken from a webhook whose signature was checked. */
export const InboundMessageSchema = z.object({
  wamid: z.string().min(1),
  /** Where replies go: the phone number, or the business-scoped user id of a user who hides it. */
  address: z.string().min(1),
  /** The sender's number (digits with country code) as WhatsApp verified it; null when hidden. */
  waId: z.string().nullable(),
  sentAt: z.iso.datetime(),
  content: InboundContentSchema,
});
export type InboundMessage = z.infer<typeof InboundMessageSchema>;

/** Statuses of our messages that change their delivery state. */
export const DELIVERY_STATUSES = ['sent', 'delivered', 'read', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** A status of one of our messages, with Meta's error details when it failed. */
export const InboundStatusSchema = z.object({
  wamid: z.string().min(1),
  status: z.enum(DELIVERY_STATUSES),
  at: z.iso.datetime(),
  errors: z.array(z.object({ code: z.number().int(), title: z.string() })),
  /** The biz_opaque_callback_data we sent with the message (our send attempt's key); absent on other senders' messages. */
  callbackData: z.string().max(512).optional(),
});
export type InboundStatus = z.infer<typeof InboundStatusSchema>;
