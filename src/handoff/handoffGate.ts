import type { TurnContext } from 'botbuilder';
import type { Memory } from '../bot/session';
import { languageOf } from '../bot/turnState';
import { LANGUAGES } from '../i18n/language';
import type { Translator } from '../i18n/translator';
import type { Logger } from '../log/logger';
import { confidenceBand } from '../nlu/confidenceBands';
import { keywordIntent } from '../nlu/keywords';
import { normalizeText } from '../nlu/normalize';
import type { Recognition } from '../nlu/recognizer';
import { handoffStatus, sendHandoffEvent } from './handoffEvents';
import { WITH_AGENT_SIDE, type HandoffRecord } from './handoffRecord';
import type { HandoffService } from './handoffService';
import { describeInbound } from './inboundDescription';
import { expectedWaitMinutes } from './queueWait';
import { parseSatisfaction, satisfactionQuestion, satisfactionTitles } from './satisfaction';

/**
 * What the bot does with a message:
 * - `held`: the agent side has it (it is on their transcript), or the gate answered it itself (a
 *   cancel, the answer to the satisfaction question): the bot stays silent;
 * - `returned`: an agent handed the conversation back; the gate told the consumer and asked how it
 *   went, so the bot resets its dialogs and says nothing more;
 * - `reset`: an agent handed the conversation back and this message is already a new request: the
 *   bot resets its dialogs and answers it;
 * - `expired`: nobody took the request in time (the consumer was told and offered a call back); the
 *   bot resets its dialogs and reads this message knowing that;
 * - `bot`: the bot answers as usual.
 */
export type GateVerdict = 'held' | 'returned' | 'reset' | 'expired' | 'bot';

export interface HandoffGateSettings {
  /** For the expected wait told with the consumer's place (see queueWait). */
  averageHandlingMinutes: number;
  /** A recognition at least this sure is a request the bot acts on (the NLU act threshold). */
  actThreshold: number;
  /** The conversation's session, whose health need an agent's resolution has served. */
  memory: Memory;
  logger: Logger;
}

/**
 * Cancel words that, said to a person, mean "hold on" ("ruko, bill dhoondh raha hoon"): while an
 * agent is talking with the consumer they go to the agent; to the bot's queue they still cancel.
 */
const HOLD_ON = new Set(['ruko', 'rukiye', 'ruk jao', 'रुको', 'रुकिए'].map(normalizeText));

/** Stands at the start of each turn and keeps the bot out of conversations agents own. */
export class HandoffGate {
  private readonly satisfactionButtons: string[];

  constructor(
    private readonly handoff: HandoffService,
    private readonly translator: Translator,
    private readonly settings: HandoffGateSettings,
  ) {
    this.satisfactionButtons = LANGUAGES.flatMap((language) => satisfactionTitles(translator.forLanguage(language)));
  }

  /** Whether the agent side owns the conversation: then nothing but the gate may answer any activity. */
  async holds(context: TurnContext): Promise<boolean> {
    const record = await this.handoff.current(context.activity.conversation.id);
    return record !== null && WITH_AGENT_SIDE.includes(record.status);
  }

  /**
   * Decides a message turn. While held, whatever came (text, photo, document, location, anything
   * else) is on the agent's transcript as words and a reference, or the request is cancelled.
   */
  async admit(context: TurnContext, recognition: Recognition | null): Promise<GateVerdict> {
    const conversationId = context.activity.conversation.id;
    const record = await this.handoff.current(conversationId);
    if (!record) return 'bot';
    if (record.status === 'bot') return this.satisfactionAnswer(context, record);
    if (!WITH_AGENT_SIDE.includes(record.status)) {
      // Resolved, expired or cancelled since the consumer last wrote: whatever dialog was open is stale.
      await this.handoff.returnToBot(conversationId);
      if (record.status === 'resolved') {
        // An agent served the health need that put this request first; a later request or ticket is
        // not urgent because of it, unless this message says one again. An expired or cancelled
        // request served nobody: the need stands.
        (await this.settings.memory.sessionOf(context)).urgent = recognition?.urgent === true;
        // A consumer who asks for something straight away wants it answered, not a survey first.
        if (this.isRequest(recognition)) {
          await this.handoff.rate(conversationId, 'skipped');
          return 'reset';
        }
        await context.sendActivity(satisfactionQuestion(this.t(context)));
        return 'returned';
      }
      return record.status === 'expired' ? 'expired' : 'bot';
    }
    const t = this.t(context);
    const text = (context.activity.text ?? '').trim();
    const cancels = keywordIntent(text) === 'cancel' && !(record.status === 'assigned' && HOLD_ON.has(normalizeText(text)));
    if (cancels && (await this.handoff.cancel(conversationId))) {
      await this.handoff.returnToBot(conversationId);
      // The consumer's own turn: the agent hub hears it here, not through the notifier.
      await sendHandoffEvent(context, handoffStatus(conversationId, 'failed', 'cancelled by the consumer'), this.settings.logger);
      await context.sendActivity(t('agent.cancelled'));
      return 'held';
    }
    const wrote = await this.handoff.consumerWrote(conversationId, describeInbound(context.activity), recognition?.urgent === true);
    // Claimed, resolved or cancelled between the read and the write: decide again on the new state.
    if (!wrote.ok) return this.admit(context, recognition);
    if (wrote.record.status === 'queued') {
      const position = await this.handoff.positionOf(conversationId);
      if (position !== null) {
        const minutes = expectedWaitMinutes(position, this.settings.averageHandlingMinutes);
        await context.sendActivity(t('agent.waiting', { position, minutes }));
      }
    }
    return 'held';
  }

  /**
   * The message after the satisfaction question: an answer is recorded and thanked for, and is not a
   * new request; anything else leaves the question unanswered for good and goes to the bot.
   */
  private async satisfactionAnswer(context: TurnContext, record: HandoffRecord): Promise<GateVerdict> {
    if (record.satisfaction?.rating !== null) return 'bot';
    const rating = parseSatisfaction(context.activity.text ?? '', this.satisfactionButtons);
    const conversationId = record.request.conversationId;
    const outcome = await this.handoff.rate(conversationId, rating ?? 'skipped');
    if (!rating) return 'bot';
    if (outcome.ok) await context.sendActivity(this.t(context)('agent.satisfaction.thanks'));
    return 'held';
  }

  /** Greetings, thanks and chatter ("ok", "धन्यवाद") are not requests; they get the question. */
  private isRequest(recognition: Recognition | null): boolean {
    if (!recognition || recognition.intent === 'none' || recognition.intent === 'greeting') return false;
    return confidenceBand(recognition.score, { actThreshold: this.settings.actThreshold, confirmThreshold: 0 }) === 'act';
  }

  private t(context: TurnContext) {
    return this.translator.forLanguage(languageOf(context));
  }
}
