import { ActivityTypes, type Activity, type ResourceResponse, type TurnContext } from 'botbuilder';

const PASS_THROUGH = Symbol('sampark.replies.passThrough');

/**
 * Holds a turn's messages and sends them when the turn has finished, as one message where they can
 * be one. Why: a consumer gets one answer per message instead of three bubbles (three WhatsApp
 * notifications), every channel makes one outbound call instead of several, and a turn that fails
 * half-way (Redis lost before its state was saved) sends nothing of itself, only the apology.
 */
export class TurnReplies {
  private readonly held: Partial<Activity>[] = [];

  private constructor(private readonly context: TurnContext) {
    context.onSendActivities(async (_context, activities, next) => {
      if (context.turnState.get(PASS_THROUGH)) return next();
      const messages = activities.filter((activity) => activity.type === ActivityTypes.Message);
      const others = activities.filter((activity) => activity.type !== ActivityTypes.Message);
      this.held.push(...messages);
      // Straight to the adapter: sending them through the context again would come back to this handler.
      if (others.length > 0) await context.adapter.sendActivities(context, others);
      return activities.map(() => ({ id: '' }) satisfies ResourceResponse);
    });
  }

  /** Starts holding this turn's messages. */
  static hold(context: TurnContext): TurnReplies {
    return new TurnReplies(context);
  }

  /**
   * Sends what the turn said, merged; anything sent afterwards (an apology) goes straight out. Each
   * message is labelled with `locale`, the language the turn ended in, instead of the one botbuilder
   * copies from the consumer's message: a channel can follow it (the web chat page switches its own
   * labels after "English please").
   */
  async send(locale?: string): Promise<void> {
    this.release();
    const merged = mergeMessages(this.held.splice(0)).map((message) => (locale ? { ...message, locale } : message));
    if (merged.length > 0) await this.context.sendActivities(merged);
  }

  /** Drops what the turn said (it failed) and lets later sends through. */
  discard(): void {
    this.held.splice(0);
    this.release();
  }

  private release(): void {
    this.context.turnState.set(PASS_THROUGH, true);
  }
}

/**
 * Consecutive plain messages become one, paragraphs apart. Buttons (suggested actions) end a group,
 * since they belong under the text they answer; a message with attachments stands alone.
 */
export function mergeMessages(messages: Partial<Activity>[]): Partial<Activity>[] {
  const merged: Partial<Activity>[] = [];
  let open: Partial<Activity> | null = null;
  for (const message of messages) {
    const plain = !message.attachments?.length;
    if (open && plain) {
      const previous: Partial<Activity> = open;
      open = { ...previous, ...message, text: [previous.text, message.text].filter(Boolean).join('\n\n') };
      merged[merged.length - 1] = open;
    } else {
      open = plain ? { ...message } : null;
      merged.push({ ...message });
    }
    if (message.suggestedActions?.actions?.length) open = null;
  }
  return merged;
}
