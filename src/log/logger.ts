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

/** A logger that writes nothing, for tests that do not look at logs. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
