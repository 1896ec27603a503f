import fs from 'node:fs';
import { isIntentId, type IntentId } from '../intents';

/** One training or evaluation example. */
export interface LabeledText {
  text: string;
  intent: IntentId;
}

/** Reads a JSON-lines file of `{"text", "intent"}`; fails loudly on a bad line so a typo in the corpus never trains silently. */
export function loadCorpus(filePath: string): LabeledText[] {
  return fs
    .readFileSync(filePath, 'utf8')
    .split('\n')
    .map((line, i) => ({ line: line.trim(), lineNumber: i + 1 }))
    .filter(({ line }) => line.length > 0)
    .map(({ line, lineNumber }) => parseLine(line, `${filePath}:${lineNumber}`));
}

function parseLine(line: string, where: string): LabeledText {
  const value: unknown = JSON.parse(line);
  if (typeof value !== 'object' || value === null) throw new Error(`${where}: not an object`);
  const { text, intent } = value as Record<string, unknown>;
  if (typeof text !== 'string' || text.trim().length === 0) throw new Error(`${where}: missing text`);
  if (typeof intent !== 'string' || !isIntentId(intent)) throw new Error(`${where}: unknown intent ${String(intent)}`);
  return { text, intent };
}
