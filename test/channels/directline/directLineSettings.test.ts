import { Writable } from 'node:stream';
import { loadDirectLineSettings } from '../../../src/channels/directline/directLineSettings';
import { ConfigError } from '../../../src/config/config';
import { createLogger, silentLogger } from '../../../src/log/logger';

/** A logger whose lines the test can read. */
function capturingLogger(): { logger: ReturnType<typeof createLogger>; lines: () => string } {
  let written = '';
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      written += chunk.toString();
      done();
    },
  });
  return { logger: createLogger('info', sink), lines: () => written };
}

describe('web chat settings from the environment', () => {
  it('has working defaults, with a random token secret per process and a warning that names the variable', () => {
    const { logger, lines } = capturingLogger();
    const first = loadDirectLineSettings({}, logger, 'SBPDCL');
    const second = loadDirectLineSettings({}, silentLogger(), 'SBPDCL');
    expect(first).toMatchObject({
      tokenTtlSeconds: 1800,
      tokenMaxLifetimeSeconds: 86_400,
      maxTextLength: 2000,
      maxActivityBytes: 32 * 1024,
      maxPostsPerSecond: 5,
      tokensPerSource: { limit: 60, windowSeconds: 3600 },
      transcriptTtlSeconds: 86_400,
      transcriptMaxActivities: 500,
      page: { discomName: 'SBPDCL', primaryColor: '#0b5394', directLineDomain: undefined, tokenUrl: undefined },
    });
    expect(first.tokenSecret.length).toBeGreaterThanOrEqual(32);
    expect(second.tokenSecret).not.toBe(first.tokenSecret);
    expect(lines()).toContain('DIRECTLINE_TOKEN_SECRET is not set');
    expect(lines()).not.toContain(first.tokenSecret);
  });

  it('reads every variable', () => {
    const settings = loadDirectLineSettings(
      {
        DIRECTLINE_TOKEN_SECRET: 's'.repeat(40),
        DIRECTLINE_TOKEN_TTL_SECONDS: '3600',
        DIRECTLINE_TOKEN_MAX_LIFETIME_HOURS: '12',
        DIRECTLINE_MAX_TEXT_LENGTH: '500',
        DIRECTLINE_MAX_ACTIVITY_BYTES: '16384',
        DIRECTLINE_MAX_POSTS_PER_SECOND: '2',
        DIRECTLINE_TOKEN_LIMIT_PER_SOURCE: '20/30m',
        DIRECTLINE_TRANSCRIPT_TTL_HOURS: '2',
        DIRECTLINE_TRANSCRIPT_MAX_ACTIVITIES: '50',
        WEBCHAT_DISCOM_NAME: 'NBPDCL',
        WEBCHAT_PRIMARY_COLOR: '#c0392b',
        WEBCHAT_DIRECTLINE_DOMAIN: 'https://directline.botframework.com/v3/directline/',
        WEBCHAT_TOKEN_URL: 'https://www.nbpdcl.co.in/webchat/token',
      },
      silentLogger(),
      'SBPDCL',
    );
    expect(settings).toEqual({
      tokenSecret: 's'.repeat(40),
      tokenTtlSeconds: 3600,
      tokenMaxLifetimeSeconds: 43_200,
      maxTextLength: 500,
      maxActivityBytes: 16_384,
      maxPostsPerSecond: 2,
      tokensPerSource: { limit: 20, windowSeconds: 1800 },
      transcriptTtlSeconds: 7200,
      transcriptMaxActivities: 50,
      page: {
        discomName: 'NBPDCL',
        primaryColor: '#c0392b',
        directLineDomain: 'https://directline.botframework.com/v3/directline',
        tokenUrl: 'https://www.nbpdcl.co.in/webchat/token',
      },
    });
  });

  it.each([
    ['a colour that is not hex', { WEBCHAT_PRIMARY_COLOR: 'red;}body{display:none' }, 'WEBCHAT_PRIMARY_COLOR'],
    ['a short secret', { DIRECTLINE_TOKEN_SECRET: 'short' }, 'DIRECTLINE_TOKEN_SECRET'],
    ['a token limit that is not COUNT/WINDOW', { DIRECTLINE_TOKEN_LIMIT_PER_SOURCE: '60 per hour' }, 'DIRECTLINE_TOKEN_LIMIT_PER_SOURCE'],
    ['a token lifetime shorter than Web Chat refreshes', { DIRECTLINE_TOKEN_TTL_SECONDS: '600' }, 'DIRECTLINE_TOKEN_TTL_SECONDS'],
    ['a longest lifetime shorter than one token', { DIRECTLINE_TOKEN_TTL_SECONDS: '7200', DIRECTLINE_TOKEN_MAX_LIFETIME_HOURS: '1' }, 'DIRECTLINE_TOKEN_MAX_LIFETIME_HOURS'],
    ['a text limit that is not a number', { DIRECTLINE_MAX_TEXT_LENGTH: 'lots' }, 'DIRECTLINE_MAX_TEXT_LENGTH'],
    ['another Direct Line without a token URL', { WEBCHAT_DIRECTLINE_DOMAIN: 'https://directline.botframework.com/v3/directline' }, 'WEBCHAT_TOKEN_URL'],
  ])('stops start-up on %s, naming the variable', (_name, env, variable) => {
    expect(() => loadDirectLineSettings(env, silentLogger(), 'SBPDCL')).toThrow(ConfigError);
    expect(() => loadDirectLineSettings(env, silentLogger(), 'SBPDCL')).toThrow(variable);
  });
});
