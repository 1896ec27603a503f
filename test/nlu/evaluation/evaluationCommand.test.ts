import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { evaluationCommand } from '../../../src/nlu/evaluation/evaluationCommand';
import { silentLogger } from '../../../src/log/logger';
import { projectRoot } from '../../../src/projectRoot';

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'nlu-eval-'));
const file = path.join(folder, 'outside.jsonl');
fs.writeFileSync(
  file,
  [
    { text: 'मेरा बैलेंस कितना है', intent: 'check_balance' },
    { text: 'mera balance batao', intent: 'check_balance' },
    { text: 'what is my balance', intent: 'check_balance' },
    { text: 'recharge kiya light nahi aayi', intent: 'supply_not_restored' },
    { text: 'tell me a joke', intent: 'none' },
  ]
    .map((line) => JSON.stringify(line))
    .join('\n'),
);

const run = (argv: string[], env: NodeJS.ProcessEnv = {}) => evaluationCommand(argv, { env, cwd: folder, logger: silentLogger() });

describe('the evaluation command', () => {
  it('ends with one JSON line holding n, accuracy, macro-F1 and the figures per script', async () => {
    const lines = await run(['outside.jsonl']);
    const summary = JSON.parse(lines[lines.length - 1] ?? '') as Record<string, unknown>;
    expect(summary).toMatchObject({ n: 5, accuracy: 1, macroF1: 1, recognizer: 'local', fallbacks: 0 });
    expect(summary.byScript).toEqual({
      devanagari: { n: 1, accuracy: 1, macroF1: 1 },
      romanized_hindi: { n: 2, accuracy: 1, macroF1: 1 },
      english: { n: 2, accuracy: 1, macroF1: 1 },
    });
  });

  it('prints the per-intent table, the confusions and the per-script lines before it', async () => {
    const report = (await run(['outside.jsonl'])).join('\n');
    expect(report).toMatch(/^intent\s+support\s+precision\s+recall\s+f1$/m);
    expect(report).toMatch(/^check_balance\s+3\s+1\.000\s+1\.000\s+1\.000$/m);
    expect(report).toContain('confusions: none');
    expect(report).toMatch(/^romanized_hindi\s+n=2\s+accuracy=1\.000\s+macroF1=1\.000$/m);
  });

  it('scores entity extraction too when asked', async () => {
    const entities = path.join(projectRoot(), 'data', 'nlu', 'entities.jsonl');
    const lines = await run(['outside.jsonl', '--entities', entities]);
    const summary = JSON.parse(lines[lines.length - 1] ?? '') as { entities: { n: number; exactMatch: number } };
    expect(summary.entities.n).toBeGreaterThanOrEqual(100);
  });

  it('classifies with CLU when CLU is configured, and says when the local model had to answer', async () => {
    // Nothing listens on port 9: every call fails, so the local model answers each message.
    const env = { CLU_ENDPOINT: 'http://127.0.0.1:9', CLU_KEY: 'k', CLU_PROJECT: 'p', CLU_DEPLOYMENT: 'd' };
    const lines = await run(['outside.jsonl'], env);
    expect(JSON.parse(lines[lines.length - 1] ?? '')).toMatchObject({ recognizer: 'clu', fallbacks: 5 });
    expect(lines.join('\n')).toContain('CLU failed on 5 messages');
  });

  it('refuses to save a baseline measured with CLU', async () => {
    const env = { CLU_ENDPOINT: 'http://127.0.0.1:9', CLU_KEY: 'k', CLU_PROJECT: 'p', CLU_DEPLOYMENT: 'd' };
    await expect(run(['outside.jsonl', '--save-baseline'], env)).rejects.toThrow(/local model/);
  });
});
