import {
  ActivityHandler,
  ActivityTypes,
  type ConversationState,
  type StatePropertyAccessor,
  type TurnContext,
  type UserState,
} from 'botbuilder';
import { DialogSet, DialogTurnStatus, type Dialog, type DialogState } from 'botbuilder-dialogs';
import { languageFromLocale, localeOf } from '../i18n/language';
import { ConversationHistory } from './conversationHistory';
import type { HandoffGate } from '../handoff/handoffGate';
import type { Translator } from '../i18n/translator';
import type { Logger } from '../log/logger';
import type { IntentId } from '../nlu/intents';
import type { Recognition, Recognizer } from '../nlu/recognizer';
import type { Metrics } from '../metrics/metrics';
import { parseActionPayload } from '../outreach/campaign';
import type { TurnLock } from '../turns/turnLock';
import { languageWordCount, replyLanguage } from './languagePolicy';
import type { Clock } from '../domain/clock';
import { rememberWhatWasSaid } from './conversationMemory';
import type { Memory } from './session';
import { TurnReplies } from './turnReplies';
import { languageOf, setTurnFacts, settledLanguageOf } from './turnState';

/** What the root dialog is started with. */
export interface ConversationStart {
  recognition: Recognition | null;
  /** Start as if the consumer said this (a greeting when they open the chat). */
  startWith?: IntentId;
  /** No agent took the consumer's request in time and they were offered a call back: a "yes" takes it. */
  callBackOffered?: boolean;
}

export interface SamparkBotParts {
  conversationState: ConversationState;
  userState: UserState;
  memory: Memory;
  /** The top dialog; it receives a ConversationStart when no dialog is running. */
  rootDialog: Dialog<ConversationStart>;
  recognizer: Recognizer;
  translator: Translator;
  /** Holds each conversation to one turn at a time (see turns/turnLock). */
  turnLock: TurnLock;
  metrics: Metrics;
  logger: Logger;
  /** Keeps the bot silent while an agent owns the conversation. */
  handoffGate: HandoffGate;
  /** Stamps the conversation history the agent reads. */
  now: Clock;
  /** Told of every message once understood (the daily operations figures). */
  onMessageUnderstood?: (message: { channel: string; conversationId: string; intent: IntentId | null }) => Promise<void>;
}

/**
 * The one bot behind every channel. Per message: understand the text, settle the reply language,
 * then continue the running dialog or start the root one; state is saved at the end of the turn.
 */
export class SamparkBot extends ActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly history: ConversationHistory;

  constructor(private readonly parts: SamparkBotParts) {
    super();
    this.dialogState = parts.conversationState.createProperty<DialogState>('dialogState');
    this.history = new ConversationHistory(parts.memory, parts.now);

    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      const joined = (context.activity.membersAdded ?? []).some((member) => member.id !== context.activity.recipient.id);
      // A chat reopened while an agent has it (Web Chat reconnecting) must not start the bot's greeting.
      if (joined && !(await this.parts.handoffGate.holds(context))) {
        await this.settleLanguage(context, null);
        await this.runDialog(context, { recognition: null, startWith: 'greeting' });
      }
      await next();
    });
  }

  /** One turn, holding the conversation's turn lock from state load to state save. */
  override async run(context: TurnContext): Promise<void> {
    const channel = context.activity.channelId ?? 'unknown';
    const conversationKey = `${channel}:${context.activity.conversation?.id ?? ''}`;
    const timer = this.parts.metrics.turnSeconds.startTimer({ channel });
    try {
      await this.parts.turnLock.runExclusive(conversationKey, async () => {
        // Before the replies are held, so it sees each message as the dialogs say it.
        const recording = this.history.watch(context);
        const replies = TurnReplies.hold(context);
        try {
          // A message needs both states: read them in one round trip, not one after the other as first used.
          if (context.activity.type === ActivityTypes.Message) {
            await Promise.all([this.parts.conversationState.load(context), this.parts.userState.load(context)]);
          }
          await super.run(context);
          recording.stop();
          await this.parts.conversationState.saveChanges(context);
          await this.parts.userState.saveChanges(context);
        } catch (error) {
          recording.stop();
          replies.discard();
          throw error;
        }
        const language = settledLanguageOf(context);
        await replies.send(language ? localeOf(language) : undefined);
      });
      this.parts.metrics.turns.inc({ channel, outcome: 'ok' });
    } catch (error) {
      this.parts.metrics.turns.inc({ channel, outcome: 'failed' });
      throw error;
    } finally {
      timer();
    }
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const text = (context.activity.text ?? '').trim();
    const read = text ? await this.parts.recognizer.recognize(text) : null;
    // A tapped campaign button's payload ("campaign:<id>:<action>:<CA>") is no words of the consumer:
    // its identifier's digits would pass for a mobile number or a payment reference. The root dialog
    // takes the CA number from the payload itself.
    const recognition = read && parseActionPayload(text) ? { ...read, entities: {} } : read;
    // Before any state is read: if the store is down, the apology is still in the consumer's language.
    setTurnFacts(context, {
      recognition,
      language: replyLanguage({
        chosen: undefined,
        script: recognition?.script ?? null,
        wordCount: languageWordCount(text),
        lastLanguage: undefined,
        channelLanguage: languageFromLocale(context.activity.locale),
      }),
    });
    if (recognition) this.parts.metrics.intents.inc({ intent: recognition.intent });
    await this.parts.onMessageUnderstood?.({
      channel: context.activity.channelId,
      conversationId: context.activity.conversation.id,
      intent: recognition?.intent ?? null,
    });
    const session = await this.parts.memory.sessionOf(context);
    rememberWhatWasSaid(session, text, recognition, this.parts.now());
    await this.settleLanguage(context, recognition, text);
    this.parts.logger.debug(
      { conversation: context.activity.conversation.id, intent: recognition?.intent, score: recognition?.score },
      'message understood',
    );
    const verdict = await this.parts.handoffGate.admit(context, recognition);
    if (verdict === 'held') return;
    // Back from the agent side: whatever dialog was open before the handoff is stale.
    if (verdict !== 'bot') await this.dialogState.delete(context);
    if (verdict === 'returned') return;
    await this.history.consumerSaid(context, text);
    await this.runDialog(context, { recognition, ...(verdict === 'expired' ? { callBackOffered: true } : {}) });
  }

  private async settleLanguage(context: TurnContext, recognition: Recognition | null, text = ''): Promise<void> {
    const session = await this.parts.memory.sessionOf(context);
    const profile = await this.parts.memory.profileOf(context);
    const language = replyLanguage({
      chosen: profile.language,
      script: recognition?.script ?? null,
      wordCount: languageWordCount(text),
      lastLanguage: session.lastLanguage,
      channelLanguage: languageFromLocale(context.activity.locale),
    });
    session.lastLanguage = language;
    setTurnFacts(context, { recognition, language });
  }

  private async runDialog(context: TurnContext, start: ConversationStart): Promise<void> {
    const dialogs = new DialogSet(this.dialogState).add(this.parts.rootDialog);
    const dc = await dialogs.createContext(context);
    const result = await dc.continueDialog();
    if (result.status !== DialogTurnStatus.empty) return;
    if (!start.recognition && !start.startWith) {
      await context.sendActivity(this.parts.translator.forLanguage(languageOf(context))('common.unsupportedMessage'));
      return;
    }
    await dc.beginDialog(this.parts.rootDialog.id, start);
  }
}
