import pino from 'pino';
import { createLogger } from '../../log/logger';
import { EVALUATION_USAGE, evaluationCommand } from '../evaluation/evaluationCommand';

// Logs go to stderr, so stdout is the report and its last line the JSON summary.
const logger = createLogger(process.env.LOG_LEVEL ?? 'warn', pino.destination(2));

// npm runs scripts from the project root and records where the command was typed in INIT_CWD.
evaluationCommand(process.argv.slice(2), { env: process.env, cwd: process.env.INIT_CWD ?? process.cwd(), logger })
  .then((lines) => process.stdout.write(`${lines.join('\n')}\n`))
  .catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${EVALUATION_USAGE}\n`);
    process.exitCode = 1;
  });
