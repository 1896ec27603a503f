import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Logger } from '../../log/logger';
import { projectRoot } from '../../projectRoot';
import { createRecognizer } from '../createRecognizer';
import { loadCorpus } from '../local/corpus';
import { parseNluSettings } from '../nluSettings';
import { saveBaseline } from './baseline';
import { loadEntityExamples, scoreEntities } from './entityEvaluation';
import { evaluateRecognizer } from './evaluation';
import { reportLines, summaryOf } from './report';

/** How to call the evaluation command; printed with every usage error. */
export const EVALUATION_USAGE = `usage: npm run nlu:eval -- [file.jsonl] [--entities entities.jsonl] [--save-baseline]
  file.jsonl       lines of {"text": "...", "intent": "<intent id>"}; default data/nlu/heldout.jsonl
  --entities       also score entity extraction on lines of {"text": "...", "entities": {...}}
  --save-baseline  record the figures in data/nlu/baseline.json (local model only)
Classifies with the configured recognizer: the local model, or Azure CLU when CLU_* is set.`;

/** Where the command runs: the environment it reads settings from and the folder paths are relative to. */
export interface CommandContext {
  env: NodeJS.ProcessEnv;
  cwd: string;
  logger: Logger;
}

/**
 * The evaluation command: classifies every line with the configured recognizer and answers a
 * per-intent table, the confusions, accuracy and macro-F1 overall and per script, and last one JSON
 * line for scripts.
 */
export async function evaluationCommand(argv: string[], context: CommandContext): Promise<string[]> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { entities: { type: 'string' }, 'save-baseline': { type: 'boolean' }, help: { type: 'boolean' } },
  });
  if (values.help) return [EVALUATION_USAGE];
  const file = path.resolve(context.cwd, positionals[0] ?? path.join(projectRoot(), 'data', 'nlu', 'heldout.jsonl'));
  const recognizer = createRecognizer(parseNluSettings(context.env), context.logger);

  const evaluation = await evaluateRecognizer(recognizer, loadCorpus(file));
  const lines = [`${path.relative(context.cwd, file)}: ${recognizer.kind} recognizer`, '', ...reportLines(evaluation)];
  if (recognizer.fallbacks > 0) {
    lines.push(`warning: CLU failed on ${recognizer.fallbacks} messages; the local model answered those`);
  }
  const summary = summaryOf(evaluation, recognizer.kind, recognizer.fallbacks);

  let entities: { n: number; exactMatch: number } | undefined;
  if (values.entities) {
    const scores = scoreEntities(loadEntityExamples(path.resolve(context.cwd, values.entities)));
    entities = { n: scores.n, exactMatch: Math.round(scores.exactMatch * 10_000) / 10_000 };
    lines.push('', `entities         n=${String(scores.n).padEnd(5)} exact match=${scores.exactMatch.toFixed(3)}`);
    for (const miss of scores.misses) {
      lines.push(`  ${JSON.stringify(miss.text)}: expected ${JSON.stringify(miss.expected)}, read ${JSON.stringify(miss.extracted)}`);
    }
  }

  if (values['save-baseline']) {
    if (recognizer.kind !== 'local') throw new Error('--save-baseline records the local model; unset CLU_* to run it');
    saveBaseline(file, summary);
    lines.push('', 'baseline saved to data/nlu/baseline.json');
  }
  return [...lines, JSON.stringify(entities ? { ...summary, entities } : summary)];
}
