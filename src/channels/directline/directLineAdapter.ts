import { systemClock } from '../../domain/clock';
import { randomUUID } from 'node:crypto';
import {
  ActivityTypes,
  BotAdapter,
  TurnContext,
  type Activity,
  type ChannelAccount,
  type ConversationReference,
  type ResourceResponse,
} from 'botbuilder';
import type { ConversationSignals } from './conversationSignals';
import type { TranscriptStore } from './transcriptStore';
import { continuationContext } from '../continuation';
import { setRequestSource } from '../../conversations/requestSourceOfTurn';
import { withOneMenu } from './oneMenu';

/** The channel id the bot sees for web chat activities, as Azure's Direct Line names it. */
export const DIRECT_LINE_CHANNEL_ID = 'directline';

/** The bot's account in web chat transcripts. */
export const BOT_ACCOUNT: ChannelAccount = { id: 'sampark', name: 'Sampark', role: 'bot' };

/** Where replies go: the transcript, and the signal to open streams. */
export interface DirectLineAdapterParts {
  transcripts: TranscriptStore;
  signals: ConversationSignals;
  now?: () => Date;
}

/**
 * Runs the bot for Direct Line conversations: replies are appended to the conversation's transcript
 * (from where every stream and poll reads them) and announced to open streams; typing indicators are
 * shown live and not kept. The order of a conversation's turns is the bot's turn lock's business.
 */
export class DirectLineAdapter extends BotAdapter {
  private readonly running = new Set<Promise<void>>();
  private readonly now: () => Date;

  constructor(private readonly parts: DirectLineAdapterParts) {
    super();
    this.now = parts.now ?? systemClock;
  }

  /**
   * Runs one activity from the visitor through the middleware and `logic`; `source` is the client
   * address the request came from (see requestSource), for the limits counted per source.
   */
  async receive(activity: Partial<Activity>, logic: (context: TurnContext) => Promise<void>, source: string): Promise<void> {
    const context = new TurnContext(this, activity);
    setRequestSource(context, source);
    const turn = this.runMiddleware(context, logic);
    this.running.add(turn);
    try {
      await turn;
    } finally {
      this.running.delete(turn);
    }
  }

  override async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      const conversationId = activity.conversation?.id ?? context.activity.conversation.id;
      // The id is the store's to assign, in arrival order.
      const { id: _assignedByTheStore, ...outgoing } = activity;
      const reply: Partial<Activity> = {
        ...outgoing,
        from: { ...BOT_ACCOUNT, ...activity.from, role: 'bot' },
        timestamp: this.now(),
      };
      if (activity.type === ActivityTypes.Message) {
        // The bot writes plain text with line breaks, as WhatsApp shows it; read as markdown, lines
        // would run together and a masked name's asterisks (R***** K****) would turn into emphasis.
        reply.textFormat = activity.textFormat ?? 'plain';
      }
      if (activity.type === ActivityTypes.Typing) {
        const id = `${conversationId}|typing-${randomUUID()}`;
        await this.parts.signals.publish(conversationId, { kind: 'ephemeral', activity: asJson({ ...reply, id }) });
        responses.push({ id });
        continue;
      }
      const stored = await this.parts.transcripts.append(conversationId, activity.type === ActivityTypes.Message ? withOneMenu(reply) : reply);
      await this.parts.signals.publish(conversationId, { kind: 'appended' });
      responses.push({ id: stored.id ?? '' });
    }
    return responses;
  }

  override async updateActivity(): Promise<void> {
    throw new Error('web chat messages cannot be edited once sent');
  }

  override async deleteActivity(): Promise<void> {
    throw new Error('web chat messages cannot be deleted once sent');
  }

  /** Proactive messages (an agent's reply, a ticket update) into a conversation, shown on any open page. */
  override async continueConversation(
    reference: Partial<ConversationReference>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void> {
    await this.runMiddleware(continuationContext(this, reference, this.now()), logic);
  }

  /** Resolves when the turns already received have run. */
  async idle(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }
}

/** The activity as it travels over the wire (dates as ISO strings). */
function asJson(activity: Partial<Activity>): Partial<Activity> {
  return JSON.parse(JSON.stringify(activity)) as Partial<Activity>;
}
