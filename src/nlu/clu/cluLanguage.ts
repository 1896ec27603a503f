import type { Script } from '../recognizer';

/**
 * The language tag CLU gets for a message or an utterance. Romanized Hindi is Hindi written in Latin
 * letters, so it is tagged Hindi like Devanagari; the project is multilingual, so the tag helps but
 * does not limit what the model reads.
 */
export function cluLanguageOf(script: Script): 'hi' | 'en-us' {
  return script === 'english' ? 'en-us' : 'hi';
}
