import path from 'node:path';
import { cluProjectOf } from '../../../src/nlu/clu/projectExport';
import { INTENT_IDS } from '../../../src/nlu/intents';
import { loadCorpus } from '../../../src/nlu/local/corpus';
import { projectRoot } from '../../../src/projectRoot';

describe('cluProjectOf', () => {
  const corpus = loadCorpus(path.join(projectRoot(), 'data', 'nlu', 'corpus.jsonl'));
  const project = cluProjectOf(corpus, 'sampark');

  it('is one multilingual conversation project in the 2023-04-01 import format', () => {
    expect(project).toMatchObject({
      projectFileVersion: '2023-04-01',
      stringIndexType: 'Utf16CodeUnit',
      metadata: { projectKind: 'Conversation', projectName: 'sampark', multilingual: true, language: 'hi' },
      assets: { projectKind: 'Conversation', entities: [] },
    });
  });

  it("declares every intent, with 'none' as CLU's built-in None", () => {
    const categories = project.assets.intents.map((intent) => intent.category);
    expect(categories).toHaveLength(INTENT_IDS.length);
    expect(categories).toContain('None');
    expect(categories).not.toContain('none');
    expect(categories).toContain('recharge_not_credited');
  });

  it('puts every corpus line in the training set, tagged Hindi or English by its script', () => {
    expect(project.assets.utterances).toHaveLength(corpus.length);
    expect(project.assets.utterances.every((u) => u.dataset === 'Train')).toBe(true);
    const languageOf = (text: string) => project.assets.utterances.find((u) => u.text === text)?.language;
    expect(languageOf('नमस्ते')).toBe('hi');
    expect(languageOf('band karo')).toBe('hi');
    expect(languageOf('never mind')).toBe('en-us');
    expect(project.assets.utterances.find((u) => u.text === 'lol')?.intent).toBe('None');
  });

  it('drops a repeated line, and refuses one labelled with two intents', () => {
    const twice = cluProjectOf([{ text: 'stop', intent: 'cancel' }, { text: 'stop ', intent: 'cancel' }], 'p');
    expect(twice.assets.utterances).toHaveLength(1);
    expect(() => cluProjectOf([{ text: 'stop', intent: 'cancel' }, { text: 'stop', intent: 'help' }], 'p')).toThrow(
      /"stop" is labelled both cancel and help/,
    );
  });
});
