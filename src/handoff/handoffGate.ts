import type { TurnContext } from 'botbuilder';
import { languageOf } from '../bot/turnState';
import type { Translator } from '../i18n/translator';
import { keywordIntent } from '../nlu/keywords';
import { WITH_AGENT_SIDE } from './handoffRecord';
import type { HandoffService } from './handoffService';

/**
 * What the bot does with a message: `held` when the agent side has it and the bot stays silent,
 * `returned` when an agent just handed the conversation back (reset the dialogs, then answer),
 * `bot` otherwise.
 */
export type GateVerdict = 'held' | 'returned' | 'bot';

/** Stands at the start of each message turn and keeps the bot out of conversations agents own. */
export class HandoffGate {
  constructor(
    private readonly handoff: HandoffService,
    private readonly translator: Translator,
  ) {}

  /** Decides a message turn; when held, the message is on the transcript (or the request cancelled). */
  async admit(context: TurnContext): Promise<GateVerdict> {
    const conversationId = context.activity.conversation.id;
    const record = await this.handoff.current(conversationId);
    if (!record || record.status === 'bot') return 'bot';
    if (!WITH_AGENT_SIDE.includes(record.status)) {
      // Resolved, expired or cancelled since the consumer last wrote: whatever dialog was open is stale.
      await this.handoff.returnToBot(conversationId);
      return record.status === 'resolved' ? 'returned' : 'bot';
    }
    const t = this.translator.forLanguage(languageOf(context));
    const text = (context.activity.text ?? '').trim();
    if (keywordIntent(text) === 'cancel' && (await this.handoff.cancel(conversationId))) {
      await this.handoff.returnToBot(conversationId);
      await context.sendActivity(t('agent.cancelled'));
      return 'held';
    }
    const wrote = await this.handoff.consumerWrote(conversationId, text || describeAttachments(context));
    // Claimed, resolved or cancelled between the read and the write: decide again on the new state.
    if (!wrote.ok) return this.admit(context);
    if (wrote.record.status === 'queued') {
      const position = await this.handoff.positionOf(conversationId);
      if (position !== null) await context.sendActivity(t('agent.waiting', { position }));
    }
    return 'held';
  }
}

/** A message without text (a photo, a location) still reaches the agent, as a mention of what came. */
function describeAttachments(context: TurnContext): string {
  const kinds = (context.activity.attachments ?? []).map((attachment) => attachment.contentType);
  return kinds.length > 0 ? `[${kinds.join(', ')}]` : '[empty message]';
}
