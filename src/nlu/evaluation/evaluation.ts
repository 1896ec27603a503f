import type { LabeledText } from '../local/corpus';
import type { Recognizer, Script } from '../recognizer';
import { detectScript } from '../scriptDetection';
import { confusionsOf, scorePredictions, type Confusion, type Prediction, type Scores } from './metrics';

/** The scripts the targets are set for, in report order. */
export const REPORTED_SCRIPTS = ['devanagari', 'romanized_hindi', 'english'] as const satisfies readonly Script[];

/** Everything the evaluation command prints. */
export interface Evaluation {
  predictions: Prediction[];
  overall: Scores;
  /** By the script the message is written in (read from the text, not from the recognizer). */
  byScript: Partial<Record<Script, Scores>>;
  confusions: Confusion[];
}

/** Classifies every example, one at a time (as turns arrive), and scores the answers. */
export async function evaluateRecognizer(recognizer: Recognizer, examples: readonly LabeledText[]): Promise<Evaluation> {
  const predictions: Prediction[] = [];
  for (const example of examples) {
    const recognition = await recognizer.recognize(example.text);
    predictions.push({
      text: example.text,
      expected: example.intent,
      predicted: recognition.intent,
      score: recognition.score,
      script: detectScript(example.text),
    });
  }
  return scoreEvaluation(predictions);
}

/** The scores of predictions already made, overall and per script. */
export function scoreEvaluation(predictions: Prediction[]): Evaluation {
  const scripts = [...new Set(predictions.map((p) => p.script))];
  const byScript: Partial<Record<Script, Scores>> = {};
  for (const script of scripts) byScript[script] = scorePredictions(predictions.filter((p) => p.script === script));
  return { predictions, overall: scorePredictions(predictions), byScript, confusions: confusionsOf(predictions) };
}
