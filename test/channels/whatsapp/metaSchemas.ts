import { z } from 'zod';

/**
 * Meta's Cloud API request formats and limits, written from Meta's documentation independently of
 * the channel's own code, so the fake Graph API refuses what the real one would.
 * Lengths are counted in code points (what Meta calls characters).
 */
const chars = (min: number, max: number) =>
  z.string().refine((text) => {
    const length = [...text].length;
    return length >= min && length <= max;
  }, `between ${min} and ${max} characters`);

/** Shortened text must not end in half a character: a virama or joiner left dangling before the cut. */
const wholeCharacters = (schema: z.ZodType<string>) =>
  schema.refine((text) => !/[\u094D\u200C\u200D]…?$/.test(text) && !/^\p{M}/u.test(text), 'cut inside a character');

const Recipient = z.union([
  z.object({ to: z.string().regex(/^\d{6,20}$/) }).strict(),
  z.object({ recipient: z.string().regex(/^[A-Z]{2}(\.[A-Za-z0-9]{1,140}){1,2}$/) }).strict(),
]);

const Envelope = {
  messaging_product: z.literal('whatsapp'),
  recipient_type: z.literal('individual').optional(),
  /** Handed back in the message's status webhooks; Meta allows 512 characters. */
  biz_opaque_callback_data: z.string().min(1).max(512).optional(),
};

const Text = z
  .object({ type: z.literal('text'), text: z.object({ body: chars(1, 4096), preview_url: z.boolean().optional() }).strict() })
  .strict();

const ReplyButtons = z
  .object({
    type: z.literal('button'),
    body: z.object({ text: chars(1, 1024) }).strict(),
    action: z
      .object({
        buttons: z
          .array(
            z
              .object({
                type: z.literal('reply'),
                reply: z.object({ id: chars(1, 256), title: wholeCharacters(chars(1, 20)) }).strict(),
              })
              .strict(),
          )
          .min(1)
          .max(3)
          .refine((buttons) => new Set(buttons.map((button) => button.reply.id)).size === buttons.length, 'button ids must be unique')
          .refine((buttons) => new Set(buttons.map((button) => button.reply.title)).size === buttons.length, 'button titles must be unique'),
      })
      .strict(),
  })
  .strict();

const List = z
  .object({
    type: z.literal('list'),
    body: z.object({ text: chars(1, 4096) }).strict(),
    action: z
      .object({
        button: wholeCharacters(chars(1, 20)),
        sections: z
          .array(
            z
              .object({
                title: chars(1, 24).optional(),
                rows: z
                  .array(
                    z
                      .object({
                        id: chars(1, 200),
                        title: wholeCharacters(chars(1, 24)),
                        description: wholeCharacters(chars(1, 72)).optional(),
                      })
                      .strict(),
                  )
                  .min(1),
              })
              .strict(),
          )
          .min(1)
          .max(10)
          .refine((sections) => sections.flatMap((section) => section.rows).length <= 10, 'at most 10 rows in all')
          .refine((sections) => sections.length === 1 || sections.every((section) => section.title), 'several sections need titles')
          .refine((sections) => {
            const ids = sections.flatMap((section) => section.rows.map((row) => row.id));
            return new Set(ids).size === ids.length;
          }, 'row ids must be unique'),
      })
      .strict(),
  })
  .strict();

const Interactive = z.object({ type: z.literal('interactive'), interactive: z.discriminatedUnion('type', [ReplyButtons, List]) }).strict();

/** A body parameter of a template: no line breaks, tabs or more than four spaces in a row. */
const TemplateParameter = z
  .object({
    type: z.literal('text'),
    text: chars(1, 32_768).refine((text) => !/[\n\t]| {5,}/.test(text), 'no new lines, tabs or more than 4 spaces in a row'),
  })
  .strict();

/** The payload of a template's quick-reply button: index 0-9 as a string, one payload parameter. */
const QuickReplyButton = z
  .object({
    type: z.literal('button'),
    sub_type: z.literal('quick_reply'),
    index: z.string().regex(/^\d$/),
    parameters: z.array(z.object({ type: z.literal('payload'), payload: chars(1, 128) }).strict()).length(1),
  })
  .strict();

const Template = z
  .object({
    type: z.literal('template'),
    template: z
      .object({
        name: z.string().regex(/^[a-z0-9_]{1,512}$/),
        language: z.object({ code: z.string().regex(/^[a-z]{2,3}(_[A-Z]{2})?$/), policy: z.literal('deterministic').optional() }).strict(),
        components: z
          .array(z.union([z.object({ type: z.literal('body'), parameters: z.array(TemplateParameter) }).strict(), QuickReplyButton]))
          .optional(),
      })
      .strict(),
  })
  .strict();

/** A message request: the envelope, one recipient field, and one message of a known type. */
export function parseMessageRequest(body: unknown): { ok: true; request: MessageRequest } | { ok: false; problems: string[] } {
  if (typeof body !== 'object' || body === null) return { ok: false, problems: ['not a JSON object'] };
  const { messaging_product, recipient_type, to, recipient, biz_opaque_callback_data, ...message } = body as Record<string, unknown>;
  const envelope = z.object(Envelope).strict().safeParse({ messaging_product, recipient_type, biz_opaque_callback_data });
  const address = Recipient.safeParse(to !== undefined && recipient !== undefined ? { to, recipient } : to !== undefined ? { to } : { recipient });
  const content = z.discriminatedUnion('type', [Text, Interactive, Template]).safeParse(message);
  const problems = [envelope, address, content].flatMap((result) =>
    result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
  );
  if (problems.length > 0 || !content.success || !address.success) return { ok: false, problems };
  return {
    ok: true,
    request: {
      address: 'to' in address.data ? address.data.to : address.data.recipient,
      message: content.data,
      ...(envelope.success && envelope.data.biz_opaque_callback_data ? { callbackData: envelope.data.biz_opaque_callback_data } : {}),
    },
  };
}

/** A valid message request, as the fake keeps it. */
export interface MessageRequest {
  address: string;
  /** The request's biz_opaque_callback_data, which the message's statuses carry back. */
  callbackData?: string;
  message: z.infer<typeof Text> | z.infer<typeof Interactive> | z.infer<typeof Template>;
}

/** Mark as read, with or without the typing indicator. */
export const ReadRequestSchema = z
  .object({
    messaging_product: z.literal('whatsapp'),
    status: z.literal('read'),
    message_id: z.string().min(1),
    typing_indicator: z.object({ type: z.literal('text') }).strict().optional(),
  })
  .strict();
