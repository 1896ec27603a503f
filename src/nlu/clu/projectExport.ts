import { INTENT_IDS, type IntentId } from '../intents';
import type { LabeledText } from '../local/corpus';
import { detectScript } from '../scriptDetection';
import { cluLanguageOf } from './cluLanguage';
import { CLU_NONE_INTENT } from './cluPrediction';

/** One labelled utterance of a CLU project file. */
export interface CluUtterance {
  text: string;
  intent: string;
  language: string;
  dataset: 'Train';
}

/** The project import file of a CLU conversation project (authoring API 2023-04-01). */
export interface CluProjectFile {
  projectFileVersion: '2023-04-01';
  stringIndexType: 'Utf16CodeUnit';
  metadata: {
    projectKind: 'Conversation';
    projectName: string;
    multilingual: true;
    description: string;
    language: string;
    settings: { confidenceThreshold: number };
  };
  assets: {
    projectKind: 'Conversation';
    intents: { category: string }[];
    entities: never[];
    utterances: CluUtterance[];
  };
}

/** CLU's category for one of our intents: the same id, except 'none', which is CLU's built-in "None". */
export function categoryOfIntent(intent: IntentId): string {
  return intent === 'none' ? CLU_NONE_INTENT : intent;
}

/**
 * The training corpus as a CLU project a discom can import: one multilingual project for Hindi,
 * romanized Hindi and English, every utterance in the training set, tagged with its language.
 * Entities are left out: our own extraction reads them whichever model classifies (cluEntities).
 * The confidence threshold is 0 so CLU always ranks every intent and our bands decide.
 */
export function cluProjectOf(examples: readonly LabeledText[], projectName: string): CluProjectFile {
  const seen = new Map<string, IntentId>();
  const utterances: CluUtterance[] = [];
  for (const { text, intent } of examples) {
    const key = text.trim();
    const earlier = seen.get(key);
    // CLU refuses a project with the same utterance under two intents; the corpus must not hold one.
    if (earlier !== undefined && earlier !== intent) throw new Error(`"${key}" is labelled both ${earlier} and ${intent}`);
    if (earlier !== undefined) continue;
    seen.set(key, intent);
    utterances.push({ text: key, intent: categoryOfIntent(intent), language: cluLanguageOf(detectScript(key)), dataset: 'Train' });
  }
  return {
    projectFileVersion: '2023-04-01',
    stringIndexType: 'Utf16CodeUnit',
    metadata: {
      projectKind: 'Conversation',
      projectName,
      multilingual: true,
      description: 'Sampark: smart prepaid meter complaints of Bihar discom consumers, in Hindi, romanized Hindi and English',
      language: 'hi',
      settings: { confidenceThreshold: 0 },
    },
    assets: {
      projectKind: 'Conversation',
      intents: INTENT_IDS.map((intent) => ({ category: categoryOfIntent(intent) })),
      entities: [],
      utterances,
    },
  };
}
