import type { ConversationState, StatePropertyAccessor, TurnContext, UserState } from 'botbuilder';
import type { HistoryLine } from '../handoff/conversationHistory';
import type { Language } from '../i18n/language';
import type { IntentId } from '../nlu/intents';
import type { Entities } from '../nlu/recognizer';
import type { LastAnswer } from '../understanding/lastAnswer';

/** What the bot remembers within one conversation. */
export interface SessionMemory {
  /** The CA number the consumer gave, so they are not asked again. */
  caNumber?: string;
  /** The consumer mentioned illness, an infant, the elderly or medical need. */
  urgent?: boolean;
  /** The language of the last message that showed one, for messages that show none ("1", a CA number). */
  lastLanguage?: Language;
  /** Fallbacks in a row, to offer an agent when the bot keeps not understanding. */
  fallbacksInARow?: number;
  /** When the bot last sent a reconnect command, per CA number (ISO time): a second ask then becomes a ticket. */
  reconnectSentAt?: Record<string, string>;
  /** The last turns of the conversation, masked, for an agent taking it over. */
  history?: HistoryLine[];
  /** Every CA number the consumer typed, oldest first: their own, another connection, a relative's. */
  caNumbersSaid?: string[];
  /** The last payment reference (UTR, app transaction id) typed anywhere in the conversation. */
  paymentReference?: string;
  /** The last amount in rupees typed anywhere in the conversation. */
  amount?: number;
  /** The consumer said they have paid: no advice to pay before that payment is looked up. */
  saidPaid?: boolean;
  /** Payments looked up in this conversation, by reference: what the backend said. */
  paymentsLookedUp?: Record<string, 'pending' | 'credited' | 'failed' | 'not_found'>;
  /** The bot's last substantive answer, for follow-up questions about it. */
  lastAnswer?: LastAnswer;
  /** Further needs named in one message with the first, served after it, oldest first. */
  pendingRequests?: { intent: IntentId; entities: Entities }[];
  /** The consumer doubted the meter's reading ("meter tez chal raha"): a meter test is worth offering. */
  disputedMeter?: boolean;
  /** The consumer said the number registered on the connection is lost or closed: its OTP cannot prove a change. */
  registeredNumberGone?: boolean;
  /** When the consumer last wrote (ISO): after a long silence the earlier matter's memory is cleared. */
  lastMessageAt?: string;
  /** Distress or an urgent need was acknowledged once already: the bot does not repeat itself. */
  feelingsAcknowledged?: boolean;
}

/** What the bot remembers about a consumer across conversations. */
export interface UserProfile {
  /** The language the consumer chose; wins over detection once set. */
  language?: Language;
}

/** Typed access to the bot's conversation and user memory. */
export class Memory {
  private readonly session: StatePropertyAccessor<SessionMemory>;
  private readonly profile: StatePropertyAccessor<UserProfile>;

  constructor(conversationState: ConversationState, userState: UserState) {
    this.session = conversationState.createProperty<SessionMemory>('session');
    this.profile = userState.createProperty<UserProfile>('profile');
  }

  sessionOf(context: TurnContext): Promise<SessionMemory> {
    return this.session.get(context, {}) as Promise<SessionMemory>;
  }

  profileOf(context: TurnContext): Promise<UserProfile> {
    return this.profile.get(context, {}) as Promise<UserProfile>;
  }
}
