import { z } from 'zod';

/** A WhatsApp user's phone number as WhatsApp gives it: digits with the country code. */
const WaId = z.string().regex(/^\d{6,20}$/);
/** A business-scoped user id ("IN.1648738043044942"), for users who hide their number behind a username. */
const UserId = z.string().regex(/^[A-Z]{2}(\.[A-Za-z0-9]{1,140}){1,2}$/);

const WebhookContactSchema = z
  .object({
    profile: z.object({ name: z.string().max(1000).optional() }).loose().optional(),
    wa_id: WaId.optional(),
    user_id: UserId.optional(),
  })
  .loose();

const ReplySchema = z.object({ id: z.string().min(1).max(256), title: z.string().max(1000) }).loose();

/**
 * One incoming message. Only the envelope is required: a type whose body is missing or unknown to
 * us is still a message, answered with what the bot can read, rather than a payload refused whole.
 */
const WebhookMessageSchema = z
  .object({
    from: WaId.optional(),
    from_user_id: UserId.optional(),
    id: z.string().min(1).max(256),
    timestamp: z.string().regex(/^\d{1,12}$/),
    type: z.string().min(1).max(64),
    text: z.object({ body: z.string().max(65_536) }).loose().optional(),
    interactive: z
      .object({ type: z.string(), button_reply: ReplySchema.optional(), list_reply: ReplySchema.optional() })
      .loose()
      .optional(),
    button: z.object({ payload: z.string().max(1000).optional(), text: z.string().max(1000) }).loose().optional(),
    location: z
      .object({
        latitude: z.number().min(-90).max(90),
        longitude: z.number().min(-180).max(180),
        name: z.string().max(300).optional(),
        address: z.string().max(1000).optional(),
      })
      .loose()
      .optional(),
    image: z
      .object({ id: z.string().min(1).max(200), mime_type: z.string().max(100).optional(), caption: z.string().max(1024).optional() })
      .loose()
      .optional(),
  })
  .loose();
export type WebhookMessage = z.infer<typeof WebhookMessageSchema>;

const WebhookErrorSchema = z
  .object({
    code: z.number().int(),
    title: z.string().max(1000).optional(),
    message: z.string().max(2000).optional(),
    error_data: z.object({ details: z.string().max(2000) }).loose().optional(),
  })
  .loose();

/** What Meta says became of a message we sent. */
const WebhookStatusSchema = z
  .object({
    id: z.string().min(1).max(256),
    status: z.string().min(1).max(64),
    timestamp: z.string().regex(/^\d{1,12}$/),
    recipient_id: z.string().max(200).optional(),
    errors: z.array(WebhookErrorSchema).max(20).optional(),
    /** What we sent as biz_opaque_callback_data with the message, handed back with each of its statuses. */
    biz_opaque_callback_data: z.string().max(512).optional(),
  })
  .loose();
export type WebhookStatus = z.infer<typeof WebhookStatusSchema>;

/** The value of a "messages" change: messages from users, statuses of ours, or errors. */
export const MessagesValueSchema = z
  .object({
    messaging_product: z.literal('whatsapp'),
    metadata: z.object({ display_phone_number: z.string().max(40), phone_number_id: z.string().max(40) }).loose(),
    contacts: z.array(WebhookContactSchema).max(100).optional(),
    messages: z.array(WebhookMessageSchema).max(100).optional(),
    statuses: z.array(WebhookStatusSchema).max(1000).optional(),
    errors: z.array(WebhookErrorSchema).max(20).optional(),
  })
  .loose();
export type MessagesValue = z.infer<typeof MessagesValueSchema>;

/**
 * The envelope of every WhatsApp Business Account webhook. Changes of other fields (template status
 * updates, account alerts) keep their own shapes, so their value is read only for "messages".
 */
export const WebhookPayloadSchema = z
  .object({
    object: z.string().max(100),
    entry: z
      .array(
        z
          .object({
            id: z.string().max(100),
            changes: z.array(z.object({ field: z.string().max(100), value: z.unknown() }).loose()).max(100),
          })
          .loose(),
      )
      .max(100),
  })
  .loose();

/** GET verification: Meta's three query parameters; the challenge is echoed, so only a safe shape passes. */
export const VerificationQuerySchema = z.object({
  'hub.mode': z.literal('subscribe'),
  'hub.verify_token': z.string().min(1).max(1000),
  'hub.challenge': z.string().regex(/^[A-Za-z0-9_-]{1,200}$/),
});
