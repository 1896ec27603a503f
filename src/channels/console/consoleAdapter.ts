import { systemClock, type Clock } from '../../domain/clock';
import {
  ActivityTypes,
  BotAdapter,
  TurnContext,
  type Activity,
  type ConversationReference,
  type ResourceResponse,
} from 'botbuilder';
import { randomUUID } from 'node:crypto';
import { continuationContext } from '../continuation';

/** Renders a bot reply for a terminal; buttons are shown as numbered choices. */
export function renderForTerminal(activity: Partial<Activity>): string {
  const lines = [activity.text ?? ''];
  const buttons = activity.suggestedActions?.actions ?? [];
  if (buttons.length > 0) lines.push(`  [${buttons.map((action) => action.title).join(' | ')}]`);
  return lines.join('\n');
}

/**
 * Runs the bot in a terminal: each typed line is one message activity from one local user, and every
 * reply is written out. The same bot and dialogs as every channel; only the transport differs.
 */
export class ConsoleAdapter extends BotAdapter {
  private readonly reference: ConversationReference = {
    channelId: 'console',
    serviceUrl: 'console://local',
    conversation: { id: `console-${randomUUID()}`, isGroup: false, name: 'console', conversationType: 'personal' },
    user: { id: 'console-user', name: 'You' },
    bot: { id: 'sampark', name: 'Sampark' },
  };

  constructor(
    private readonly write: (line: string) => void,
    private readonly now: Clock = systemClock,
  ) {
    super();
  }

  /** Delivers one typed line to the bot and resolves when its turn has finished. */
  async receive(text: string, logic: (context: TurnContext) => Promise<void>, locale?: string): Promise<void> {
    const activity = TurnContext.applyConversationReference(
      { type: ActivityTypes.Message, id: randomUUID(), text, timestamp: this.now(), ...(locale ? { locale } : {}) },
      this.reference,
      true,
    );
    await this.runMiddleware(new TurnContext(this, activity), logic);
  }

  override async sendActivities(_context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    for (const activity of activities) {
      if (activity.type === ActivityTypes.Message) this.write(renderForTerminal(activity));
    }
    return activities.map(() => ({ id: randomUUID() }));
  }

  override async updateActivity(): Promise<void> {
    throw new Error('the console cannot edit a message it has printed');
  }

  override async deleteActivity(): Promise<void> {
    throw new Error('the console cannot delete a message it has printed');
  }

  override async continueConversation(
    reference: Partial<ConversationReference>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void> {
    await this.runMiddleware(continuationContext(this, reference, this.now()), logic);
  }
}
