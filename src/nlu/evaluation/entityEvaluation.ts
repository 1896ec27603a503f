import fs from 'node:fs';
import { extractEntities } from '../entities';
import type { Entities } from '../recognizer';

/** One labelled message: every entity it holds, and nothing it does not. */
export interface EntityExample {
  text: string;
  entities: Entities;
}

/** How entity extraction did on a labelled set. */
export interface EntityScores {
  n: number;
  /** Share of messages whose extracted entities equal the label exactly: no value wrong, missing or extra. */
  exactMatch: number;
  /** The messages that did not match, with what was read. */
  misses: { text: string; expected: Entities; extracted: Entities }[];
}

const FIELDS: readonly (keyof Entities)[] = ['caNumber', 'amount', 'paymentReference', 'mobile', 'ticketNumber', 'language'];

/** Reads `{"text", "entities"}` lines; a bad line or an unknown field fails loudly. */
export function loadEntityExamples(filePath: string): EntityExample[] {
  return fs
    .readFileSync(filePath, 'utf8')
    .split('\n')
    .map((line, i) => ({ line: line.trim(), where: `${filePath}:${i + 1}` }))
    .filter(({ line }) => line.length > 0)
    .map(({ line, where }) => {
      const value = JSON.parse(line) as { text?: unknown; entities?: unknown };
      if (typeof value.text !== 'string' || typeof value.entities !== 'object' || value.entities === null) {
        throw new Error(`${where}: expected {"text": string, "entities": object}`);
      }
      const unknown = Object.keys(value.entities).filter((key) => !(FIELDS as readonly string[]).includes(key));
      if (unknown.length > 0) throw new Error(`${where}: unknown entity ${unknown.join(', ')}`);
      return { text: value.text, entities: value.entities as Entities };
    });
}

/** Extracts the entities of every example and compares them with the labels, field by field. */
export function scoreEntities(examples: readonly EntityExample[]): EntityScores {
  const misses = examples
    .map(({ text, entities }) => ({ text, expected: entities, extracted: extractEntities(text) }))
    .filter(({ expected, extracted }) => FIELDS.some((field) => expected[field] !== extracted[field]));
  return { n: examples.length, exactMatch: examples.length === 0 ? 0 : 1 - misses.length / examples.length, misses };
}
