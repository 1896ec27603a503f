import { loadConfig } from '../config/config';
import { createLogger } from '../log/logger';
import { BullJobQueue } from './bullJobQueue';

/**
 * `npm run jobs -- failed` lists the jobs that used up their attempts; `npm run jobs -- retry <id>`
 * runs one again. Works on the Redis named by REDIS_URL (in-process jobs die with their process).
 */
async function main(): Promise<void> {
  const [command, id] = process.argv.slice(2);
  const config = loadConfig();
  if (!config.redisUrl) throw new Error('REDIS_URL is not set: only jobs on Redis outlive their process');
  const queue = new BullJobQueue({ redisUrl: config.redisUrl, prefix: 'sampark:jobs', logger: createLogger('warn') });
  try {
    if (command === 'failed') {
      for (const job of await queue.failed()) {
        process.stdout.write(`${job.id}\t${job.name}\t${job.failedAt}\tattempts=${job.attempts}\t${job.error}\n`);
      }
    } else if (command === 'retry' && id) {
      const retried = await queue.retry(id);
      process.stdout.write(retried ? `retrying ${id}\n` : `no failed job ${id}\n`);
      if (!retried) process.exitCode = 1;
    } else {
      process.stdout.write('usage: npm run jobs -- failed | retry <job id>\n');
      process.exitCode = 2;
    }
  } finally {
    await queue.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
