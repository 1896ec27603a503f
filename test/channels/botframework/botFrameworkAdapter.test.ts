import { authenticationProblem } from '../../../src/channels/botframework/botFrameworkAdapter';
import { loadConfig } from '../../../src/config/config';

describe('authenticationProblem', () => {
  it.each<[string, Record<string, string>, boolean]>([
    ['an app id configured', { MicrosoftAppId: 'app', MicrosoftAppPassword: 'secret', HOST: '0.0.0.0' }, false],
    ['no app id on loopback', { HOST: '127.0.0.1' }, false],
    ['no app id on localhost', { HOST: 'localhost' }, false],
    ['no app id with the deliberate dev flag', { HOST: '0.0.0.0', SAMPARK_DEV_NO_AUTH: 'true' }, false],
    ['no app id on every interface', { HOST: '0.0.0.0' }, true],
    ['no app id on loopback behind a proxy, which reaches it from the network', { HOST: '127.0.0.1', TRUSTED_PROXY: 'true' }, true],
    ['no app id behind a proxy with the deliberate dev flag', { HOST: '127.0.0.1', TRUSTED_PROXY: 'true', SAMPARK_DEV_NO_AUTH: 'true' }, false],
  ])('%s: refuse to start = %s', (_name, environment, refuses) => {
    const problem = authenticationProblem(loadConfig(environment));
    expect(problem !== null).toBe(refuses);
    if (refuses) expect(problem).toMatch(/MicrosoftAppId/);
  });
});
