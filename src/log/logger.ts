import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Field names that may carry personal data anywhere in a log object. pino removes them before a line
 * is written, so a careless `log.info({ consumer })` cannot leak a name, number or address.
 */
const PERSONAL_FIELDS = [
  'name',
  'mobile',
  'newMobile',
  'address',
  'otp',
  'text',
  'password',
  'authorization',
  'token',
  'body',
  'rawBody',
];

const REDACT_PATHS = PERSONAL_FIELDS.flatMap((field) => [field, `*.${field}`, `*.*.${field}`]);

/** JSON logs on stdout, with personal data censored. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'sampark' },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}

/**
 * The logger handed to a library (restify logs whole requests and "discarded" handler values, which
 * carry bearer tokens, raw bodies and mobiles). Its request, response and value fields are reduced
 * to what cannot identify anyone, whatever the library puts in them.
 */
export function libraryLogger(logger: Logger, component: string): Logger {
  return logger.child(
    { component },
    {
      serializers: {
        req: (req: { method?: string; url?: string }) => ({ method: req?.method, path: typeof req?.url === 'string' ? req.url.split('?')[0] : undefined }),
        res: (res: { statusCode?: number }) => ({ statusCode: res?.statusCode }),
        value: () => '[omitted]',
        err: (error: unknown) => ({ message: error instanceof Error ? error.message.split('\n')[0] : '[omitted]' }),
      },
    },
  );
}

/** A logger that writes nothing, for tests that do not look at logs. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
