import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadCorpus } from '../../../src/nlu/local/corpus';

describe('loadCorpus', () => {
  const write = (content: string): string => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-')), 'corpus.jsonl');
    fs.writeFileSync(file, content);
    return file;
  };

  it('reads one example a line and skips blank lines', () => {
    const file = write('{"text": "hi", "intent": "greeting"}\n\n{"text": "stop", "intent": "cancel"}\n');
    expect(loadCorpus(file)).toEqual([
      { text: 'hi', intent: 'greeting' },
      { text: 'stop', intent: 'cancel' },
    ]);
  });

  it.each([
    ['{"text": "hi", "intent": "greet"}', /:1: unknown intent greet/],
    ['{"intent": "greeting"}', /:1: missing text/],
    ['[1]', /:1: missing text/],
    ['not json', /JSON/],
  ])('fails loudly on %s', (line, message) => {
    expect(() => loadCorpus(write(line))).toThrow(message);
  });
});
