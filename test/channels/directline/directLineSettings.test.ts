import path from 'node:path';
import { Writable } from 'node:stream';
import { loadDirectLineSettings } from '../../../src/channels/directline/directLineSettings';
import { ConfigError } from '../../../src/config/config';
import { createLogger, silentLogger } from '../../../src/log/logger';
import { projectRoot } from '../../../src/projectRoot';

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

/** What the rest of the configuration tells the page by default. */
const CONSUMER_FACING = { discomName: 'SBPDCL', helplineNumber: '1912', memoryDays: 90 };

describe('web chat settings from the environment', () => {
  it('has working defaults, with a random token secret per process and a warning that names the variable', () => {
    const { logger, lines } = capturingLogger();
    const first = loadDirectLineSettings({}, logger, CONSUMER_FACING);
    const second = loadDirectLineSettings({}, silentLogger(), CONSUMER_FACING);
    expect(first).toMatchObject({
      tokenTtlSeconds: 1800,
      tokenMaxLifetimeSeconds: 86_400,
      maxTextLength: 2000,
      maxActivityBytes: 32 * 1024,
      maxPostsPerSecond: 5,
      tokensPerSource: { limit: 60, windowSeconds: 3600 },
      transcriptTtlSeconds: 86_400,
      transcriptMaxActivities: 500,
      page: {
        discomName: 'SBPDCL',
        primaryColor: '#0b5394',
        logoPath: undefined,
        helplineNumber: '1912',
        helplineHours: { from: '00:00', to: '24:00' },
        privacy: { transcriptHours: 24, memoryDays: 90 },
        directLineDomain: undefined,
        tokenUrl: undefined,
      },
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
        WEBCHAT_LOGO_PATH: path.join(projectRoot(), 'public', 'webchat', 'emblem.svg'),
        WEBCHAT_HELPLINE_HOURS: '08:00-20:00',
      },
      silentLogger(),
      CONSUMER_FACING,
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
        logoPath: path.join(projectRoot(), 'public', 'webchat', 'emblem.svg'),
        helplineNumber: '1912',
        helplineHours: { from: '08:00', to: '20:00' },
        privacy: { transcriptHours: 2, memoryDays: 90 },
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
    ['a logo that is not there', { WEBCHAT_LOGO_PATH: '/nowhere/logo.png' }, 'WEBCHAT_LOGO_PATH'],
    ['a logo that is not an image', { WEBCHAT_LOGO_PATH: 'package.json' }, 'WEBCHAT_LOGO_PATH'],
    ['helpline hours that are not a range', { WEBCHAT_HELPLINE_HOURS: 'day and night' }, 'WEBCHAT_HELPLINE_HOURS'],
    ['another Direct Line without a token URL', { WEBCHAT_DIRECTLINE_DOMAIN: 'https://directline.botframework.com/v3/directline' }, 'WEBCHAT_TOKEN_URL'],
  ])('stops start-up on %s, naming the variable', (_name, env, variable) => {
    expect(() => loadDirectLineSettings(env, silentLogger(), CONSUMER_FACING)).toThrow(ConfigError);
    expect(() => loadDirectLineSettings(env, silentLogger(), CONSUMER_FACING)).toThrow(variable);
  });
});
