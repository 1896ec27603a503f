import type { Activity } from 'botbuilder';
import { z } from 'zod';

/**
 * What a proactive message is about, in words a channel with a messaging window can put into an
 * approved template (WhatsApp outside its 24 hours). The message text itself is for channels that
 * can send it as it is.
 */
export const NotificationSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('ticket_update'),
    language: z.enum(['hi', 'en']),
    ticketNumber: z.string().min(1).max(40),
    /** The new status in the consumer's language ("समाधान हो गया"). */
    status: z.string().min(1).max(200),
  }),
  z.object({
    kind: z.literal('agent_reply'),
    language: z.enum(['hi', 'en']),
    text: z.string().min(1).max(4096),
  }),
]);
export type Notification = z.infer<typeof NotificationSchema>;

const ChannelDataSchema = z.object({ samparkNotification: NotificationSchema }).loose();

/** A proactive message carrying its notification, for channels that must send a template instead. */
export function notificationMessage(text: string, notification: Notification): Partial<Activity> {
  return { type: 'message', text, channelData: { samparkNotification: notification } };
}

/** The notification an outgoing message carries, or null for an ordinary reply. */
export function notificationOf(activity: Partial<Activity>): Notification | null {
  const parsed = ChannelDataSchema.safeParse(activity.channelData);
  return parsed.success ? parsed.data.samparkNotification : null;
}
