import { DEFAULT_THRESHOLDS } from '../../src/nlu/confidenceBands';
import { NluSettingsError, parseNluSettings } from '../../src/nlu/nluSettings';

const CLU = {
  CLU_ENDPOINT: 'https://sampark-language.cognitiveservices.azure.com',
  CLU_KEY: 'secret',
  CLU_PROJECT: 'sampark',
  CLU_DEPLOYMENT: 'production',
};

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    parseNluSettings(env);
  } catch (error) {
    if (error instanceof NluSettingsError) return error.problems;
    throw error;
  }
  throw new Error('expected NluSettingsError');
}

describe('parseNluSettings', () => {
  it('defaults to the local model and the measured thresholds', () => {
    expect(parseNluSettings({})).toEqual({ clu: undefined, ...DEFAULT_THRESHOLDS });
  });

  it('treats empty variables as unset', () => {
    expect(parseNluSettings({ CLU_ENDPOINT: '', CLU_KEY: '', NLU_ACT_THRESHOLD: '' })).toEqual({ clu: undefined, ...DEFAULT_THRESHOLDS });
  });

  it('reads CLU when all four variables are set, with a default timeout', () => {
    expect(parseNluSettings(CLU).clu).toEqual({
      endpoint: CLU.CLU_ENDPOINT,
      key: 'secret',
      projectName: 'sampark',
      deploymentName: 'production',
      timeoutMs: 1500,
    });
    expect(parseNluSettings({ ...CLU, CLU_TIMEOUT_MS: '800' }).clu?.timeoutMs).toBe(800);
  });

  it('names every missing CLU variable when only some are set', () => {
    const problems = problemsOf({ CLU_ENDPOINT: CLU.CLU_ENDPOINT, CLU_KEY: 'secret' });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^CLU_PROJECT: missing: .*CLU_ENDPOINT, CLU_KEY are set/);
    expect(problems[1]).toMatch(/^CLU_DEPLOYMENT: missing/);
  });

  it('refuses plain http except on loopback, where the test fake listens', () => {
    expect(problemsOf({ ...CLU, CLU_ENDPOINT: 'http://sampark-language.cognitiveservices.azure.com' })).toEqual([
      expect.stringMatching(/^CLU_ENDPOINT: must be https/),
    ]);
    expect(parseNluSettings({ ...CLU, CLU_ENDPOINT: 'http://127.0.0.1:5000' }).clu?.endpoint).toBe('http://127.0.0.1:5000');
  });

  it('reads the thresholds, and refuses a confirm threshold above the act threshold', () => {
    expect(parseNluSettings({ NLU_ACT_THRESHOLD: '0.8', NLU_CONFIRM_THRESHOLD: '0.4' })).toMatchObject({
      actThreshold: 0.8,
      confirmThreshold: 0.4,
    });
    expect(problemsOf({ NLU_ACT_THRESHOLD: '0.5', NLU_CONFIRM_THRESHOLD: '0.6' })).toEqual([
      'NLU_CONFIRM_THRESHOLD: must not be above NLU_ACT_THRESHOLD (0.5)',
    ]);
  });

  it.each([
    ['NLU_ACT_THRESHOLD', '1.5'],
    ['NLU_CONFIRM_THRESHOLD', 'high'],
    ['CLU_TIMEOUT_MS', '0'],
    ['CLU_ENDPOINT', 'not a url'],
  ])('names a bad %s', (name, value) => {
    const problems = problemsOf({ [name]: value });
    expect(problems.some((problem) => problem.startsWith(`${name}:`))).toBe(true);
  });
});
