import type { IntentId } from './intents';

/** How a message is written: decides the reply language until the consumer chooses one. */
export type Script = 'devanagari' | 'romanized_hindi' | 'english' | 'neutral';

/** Values a consumer typed that dialogs can use without asking again. */
export interface Entities {
  caNumber?: string;
  /** Rupees. */
  amount?: number;
  /** UPI UTR (12 digits) or an app transaction id. */
  paymentReference?: string;
  /** 10 digits. */
  mobile?: string;
  /** Canonical form, see domain/ticketNumber. */
  ticketNumber?: string;
  /** "English please" / "हिंदी में": the language asked for by change_language. */
  language?: 'en' | 'hi';
}

export interface ScoredIntent {
  intent: IntentId;
  /** 0..1, comparable across recognizers. */
  score: number;
}

export interface Recognition {
  /** The top intent, already 'none' when nothing scored. */
  intent: IntentId;
  score: number;
  /** All candidates, best first (the top one included). */
  ranked: ScoredIntent[];
  entities: Entities;
  script: Script;
  /** The consumer mentioned illness, an infant, the elderly or medical equipment. */
  urgent: boolean;
}

/** Turns a consumer's free text into an intent and entities. */
export interface Recognizer {
  recognize(text: string): Promise<Recognition>;
}
