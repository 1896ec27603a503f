import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadEntityExamples, scoreEntities } from '../../../src/nlu/evaluation/entityEvaluation';
import { projectRoot } from '../../../src/projectRoot';

/** The target for exact-match entity extraction. */
const TARGET_EXACT_MATCH = 0.95;

describe('entity extraction on the labelled set (data/nlu/entities.jsonl)', () => {
  it('reads at least 95% of the messages exactly: every value right, none missing, none extra', () => {
    const scores = scoreEntities(loadEntityExamples(path.join(projectRoot(), 'data', 'nlu', 'entities.jsonl')));
    expect(scores.n).toBeGreaterThanOrEqual(100);
    const allowedMisses = Math.floor(scores.n * (1 - TARGET_EXACT_MATCH));
    // The misses themselves are the failure message.
    expect(scores.misses.length <= allowedMisses ? [] : scores.misses).toEqual([]);
  });
});

describe('scoreEntities', () => {
  it('counts a wrong, missing or extra value as a miss', () => {
    const scores = scoreEntities([
      { text: 'CA 101000001', entities: { caNumber: '101000001' } },
      { text: 'CA 101000001', entities: { caNumber: '101000002' } },
      { text: '500rs CA 101000001', entities: { caNumber: '101000001' } },
      { text: 'balance', entities: { caNumber: '101000001' } },
    ]);
    expect(scores.exactMatch).toBe(0.25);
    expect(scores.misses.map((miss) => miss.expected.caNumber)).toEqual(['101000002', '101000001', '101000001']);
  });
});

describe('loadEntityExamples', () => {
  it('fails loudly on an unknown entity name, so a typo in a label never passes silently', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'entities-')), 'entities.jsonl');
    fs.writeFileSync(file, '{"text": "CA 101000001", "entities": {"ca": "101000001"}}\n');
    expect(() => loadEntityExamples(file)).toThrow(/:1: unknown entity ca/);
  });
});
