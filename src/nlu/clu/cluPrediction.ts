import type { AnalyzeConversationResponse } from '@azure/ai-language-conversations';
import { isIntentId, type IntentId } from '../intents';
import type { ScoredIntent } from '../recognizer';
import type { CluEntity } from './cluEntities';

/** CLU's built-in intent for "none of the others"; ours is 'none'. */
export const CLU_NONE_INTENT = 'None';

/** What a CLU conversation project predicted, in our terms. */
export interface CluPrediction {
  /** Our intents, best first; categories we do not know are dropped. */
  ranked: ScoredIntent[];
  entities: CluEntity[];
}

/** Thrown when CLU answers with something other than a conversation project's prediction. */
export class UnexpectedCluAnswer extends Error {
  constructor(what: string) {
    super(`unexpected CLU answer: ${what}`);
    this.name = 'UnexpectedCluAnswer';
  }
}

/** Our intent of a CLU category: the same id, with CLU's "None" as 'none'. */
export function intentOfCategory(category: string): IntentId | undefined {
  if (category === CLU_NONE_INTENT) return 'none';
  return isIntentId(category) ? category : undefined;
}

/** Reads the SDK's answer; an orchestration project or a missing prediction is an error, not a guess. */
export function readCluPrediction(response: AnalyzeConversationResponse): CluPrediction {
  if (response.kind !== 'ConversationResult') throw new UnexpectedCluAnswer(`kind ${String(response.kind)}`);
  const prediction = response.result.prediction;
  if (prediction.projectKind !== 'Conversation') {
    throw new UnexpectedCluAnswer(`project kind ${String(prediction.projectKind)}`);
  }
  const ranked = prediction.intents
    .flatMap((scored): ScoredIntent[] => {
      const intent = intentOfCategory(scored.category);
      return intent ? [{ intent, score: scored.confidence }] : [];
    })
    .sort((a, b) => b.score - a.score);
  return { ranked, entities: prediction.entities.map(({ category, text }) => ({ category, text })) };
}
