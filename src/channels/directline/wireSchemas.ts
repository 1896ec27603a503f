import { z } from 'zod';

/** Conversation ids this server makes (see newConversationId), and nothing else. */
export const ConversationIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

/** A watermark is the last sequence a client has seen; empty for none. */
export const WatermarkSchema = z
  .string()
  .regex(/^\d{0,15}$/)
  .default('');

/** A BCP 47 tag such as "hi-IN"; the bot takes the language from it. */
const LocaleSchema = z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/);

/** The body Web Chat's client sends to start a conversation (every part optional). */
export const StartConversationSchema = z
  .object({
    locale: LocaleSchema.optional(),
  })
  .loose()
  .default({});

const AttachmentSchema = z.object({
  contentType: z.string().max(200),
  contentUrl: z.string().max(2048).optional(),
  name: z.string().max(300).optional(),
  thumbnailUrl: z.string().max(2048).optional(),
  content: z.unknown().optional(),
});

/**
 * What a visitor may post. Identity, conversation and ids are the server's to set, so they are not
 * read from here; channelData is kept because Web Chat matches its echo by clientActivityID.
 */
export const PostedActivitySchema = z.object({
  type: z.enum(['message', 'typing', 'event']),
  text: z.string().optional(),
  textFormat: z.enum(['plain', 'markdown', 'xml']).optional(),
  locale: LocaleSchema.optional(),
  localTimestamp: z.string().max(64).optional(),
  localTimezone: z.string().max(64).optional(),
  attachments: z.array(AttachmentSchema).max(10).optional(),
  name: z.string().max(200).optional(),
  value: z.unknown().optional(),
  channelData: z
    .object({ clientActivityID: z.string().max(128).optional() })
    .loose()
    .optional(),
});

/** An activity as a visitor posted it, once validated. */
export type PostedActivity = z.infer<typeof PostedActivitySchema>;

/** "Bearer <token>". */
export const AuthorizationSchema = z
  .string()
  .regex(/^Bearer [A-Za-z0-9_.-]+$/)
  .transform((header) => header.slice('Bearer '.length));

/** The Host header, used to build the stream URL handed back to the same client. */
export const HostSchema = z.string().regex(/^([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(:\d{1,5})?$/);
