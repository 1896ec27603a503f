import type { Script } from '../recognizer';
import { REPORTED_SCRIPTS, type Evaluation } from './evaluation';
import type { Scores } from './metrics';

/** The last line of the evaluation command: one JSON object a script can read. */
export interface EvaluationSummary {
  n: number;
  accuracy: number;
  macroF1: number;
  byScript: Partial<Record<Script, { n: number; accuracy: number; macroF1: number }>>;
  recognizer: string;
  /** Turns the CLU recognizer answered with the local model because CLU failed (0 for the local recognizer). */
  fallbacks: number;
}

/** How many confused messages are quoted per mistake: enough to see the pattern, short enough to read. */
const QUOTED_PER_CONFUSION = 3;

/** The human-readable part: per-intent table, confusion list, overall and per-script figures. */
export function reportLines(evaluation: Evaluation): string[] {
  const lines = ['intent                  support  precision  recall     f1'];
  for (const s of evaluation.overall.intents) {
    lines.push(
      `${s.intent.padEnd(24)}${String(s.support).padStart(7)}${fixed(s.precision).padStart(11)}${fixed(s.recall).padStart(8)}${fixed(s.f1).padStart(7)}`,
    );
  }
  lines.push('', evaluation.confusions.length === 0 ? 'confusions: none' : 'confusions (expected -> predicted):');
  for (const c of evaluation.confusions) {
    lines.push(`  ${c.count} x ${c.expected} -> ${c.predicted}`);
    for (const text of c.texts.slice(0, QUOTED_PER_CONFUSION)) lines.push(`      ${JSON.stringify(text)}`);
  }
  lines.push('', scoreLine('overall', evaluation.overall));
  for (const script of scriptsIn(evaluation)) lines.push(scoreLine(script, evaluation.byScript[script] as Scores));
  return lines;
}

/** The figures as one object, rounded to four places. */
export function summaryOf(evaluation: Evaluation, recognizer: string, fallbacks: number): EvaluationSummary {
  const byScript: EvaluationSummary['byScript'] = {};
  for (const script of scriptsIn(evaluation)) {
    const s = evaluation.byScript[script] as Scores;
    byScript[script] = { n: s.n, accuracy: round(s.accuracy), macroF1: round(s.macroF1) };
  }
  const { n, accuracy, macroF1 } = evaluation.overall;
  return { n, accuracy: round(accuracy), macroF1: round(macroF1), byScript, recognizer, fallbacks };
}

/** The three target scripts first, then any other the file holds (bare numbers are 'neutral'). */
function scriptsIn(evaluation: Evaluation): Script[] {
  const present = Object.keys(evaluation.byScript) as Script[];
  return [...REPORTED_SCRIPTS.filter((s) => present.includes(s)), ...present.filter((s) => !(REPORTED_SCRIPTS as readonly Script[]).includes(s))];
}

function scoreLine(label: string, s: Scores): string {
  return `${label.padEnd(16)} n=${String(s.n).padEnd(5)} accuracy=${fixed(s.accuracy)}  macroF1=${fixed(s.macroF1)}`;
}

function fixed(value: number): string {
  return value.toFixed(3);
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
