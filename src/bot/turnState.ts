import type { TurnContext } from 'botbuilder';
import type { Language } from '../i18n/language';
import type { Recognition } from '../nlu/recognizer';

const RECOGNITION = Symbol('sampark.recognition');
const LANGUAGE = Symbol('sampark.language');

/** What the bot learned about this turn before the dialogs run. */
export interface TurnFacts {
  /** Null for messages without text (a location, a photo). */
  recognition: Recognition | null;
  language: Language;
}

export function setTurnFacts(context: TurnContext, facts: TurnFacts): void {
  context.turnState.set(RECOGNITION, facts.recognition);
  context.turnState.set(LANGUAGE, facts.language);
}

/** The recognition of this turn's text, null when there was no text. */
export function recognitionOf(context: TurnContext): Recognition | null {
  return (context.turnState.get(RECOGNITION) as Recognition | null | undefined) ?? null;
}

/** The language this turn is answered in. */
export function languageOf(context: TurnContext): Language {
  return (context.turnState.get(LANGUAGE) as Language | undefined) ?? 'hi';
}

/** The language this turn settled on, or undefined when the turn never got that far (not a message, a failure before). */
export function settledLanguageOf(context: TurnContext): Language | undefined {
  return context.turnState.get(LANGUAGE) as Language | undefined;
}

/** Changes the language of the rest of this turn (after change_language). */
export function setTurnLanguage(context: TurnContext, language: Language): void {
  context.turnState.set(LANGUAGE, language);
}
