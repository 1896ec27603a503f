import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { Clock } from '../domain/clock';
import { withLine } from '../handoff/conversationHistory';
import type { Memory } from './session';

/**
 * Keeps the last turns of the bot conversation in conversation state, consumer and bot, so a
 * handoff carries what was already said (the agent console shows it; the handoff.initiate event
 * attaches it as the transcript).
 */
export class ConversationHistory {
  constructor(
    private readonly memory: Memory,
    private readonly now: Clock,
  ) {}

  /** The consumer's words of this turn. */
  async consumerSaid(context: TurnContext, text: string): Promise<void> {
    const session = await this.memory.sessionOf(context);
    session.history = withLine(session.history, { from: 'consumer', text, at: this.stampOf(context) });
  }

  /**
   * Records what the bot says in this turn until `stop()`, which comes before the state is saved: the
   * merged replies sent after the save are the same words again.
   */
  /** When the consumer wrote: the channel's stamp, or now when it sent none (or one that is not a date). */
  private stampOf(context: TurnContext): string {
    const timestamp = context.activity.timestamp;
    const at = timestamp ? new Date(timestamp) : this.now();
    return Number.isNaN(at.getTime()) ? this.now().toISOString() : at.toISOString();
  }

  watch(context: TurnContext): { stop(): void } {
    let recording = true;
    context.onSendActivities(async (_context, activities, next) => {
      const said = recording ? activities.filter((activity) => activity.type === ActivityTypes.Message && activity.text) : [];
      if (said.length > 0) {
        const session = await this.memory.sessionOf(context);
        const at = this.now().toISOString();
        for (const activity of said) session.history = withLine(session.history, { from: 'bot', text: activity.text ?? '', at });
      }
      return next();
    });
    return { stop: () => void (recording = false) };
  }
}
