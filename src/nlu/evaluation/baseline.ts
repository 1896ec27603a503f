import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../projectRoot';
import type { EvaluationSummary } from './report';

/** The committed figures the accuracy regression test holds the local model to. */
export const BASELINE_PATH = path.join(projectRoot(), 'data', 'nlu', 'baseline.json');

/** Summaries by data set, keyed by the set's path from the project root ("data/nlu/heldout.jsonl"). */
export type Baseline = Record<string, EvaluationSummary>;

/** The key of a data set in the baseline file. */
export function baselineKey(datasetPath: string): string {
  return path.relative(projectRoot(), path.resolve(datasetPath)).split(path.sep).join('/');
}

/** The committed baseline; an empty one when the file does not exist yet. */
export function readBaseline(): Baseline {
  return fs.existsSync(BASELINE_PATH) ? (JSON.parse(fs.readFileSync(BASELINE_PATH, 'utf8')) as Baseline) : {};
}

/** Records a data set's summary as its new baseline, keeping the other sets'. */
export function saveBaseline(datasetPath: string, summary: EvaluationSummary): void {
  const baseline = { ...readBaseline(), [baselineKey(datasetPath)]: summary };
  fs.writeFileSync(BASELINE_PATH, `${JSON.stringify(baseline, null, 2)}\n`);
}
