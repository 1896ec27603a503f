import type { ConversationState, StatePropertyAccessor, TurnContext, UserState } from 'botbuilder';
import type { HistoryLine } from '../handoff/conversationHistory';
import type { Language } from '../i18n/language';

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
