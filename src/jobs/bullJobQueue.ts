import { Queue, Worker, type Job } from 'bullmq';
import Redis from 'ioredis';
import type { Logger } from '../log/logger';
import {
  DEFAULT_ATTEMPTS,
  DEFAULT_BACKOFF_MS,
  type EnqueueOptions,
  type FailedJob,
  type JobCounts,
  type JobDefinition,
  type JobQueue,
} from './jobQueue';

export interface BullJobQueueOptions {
  redisUrl: string;
  /** BullMQ key prefix, so deployments and tests sharing a Redis stay apart. */
  prefix: string;
  /** Jobs run at once by this instance. */
  concurrency?: number;
  logger: Logger;
}

const QUEUE_NAME = 'sampark-jobs';
/** Finished jobs kept for inspection; failed ones are kept until retried. */
const KEEP_COMPLETED = 1000;

/** Durable jobs on Redis through BullMQ: a job promised by one instance is done by whichever is up. */
export class BullJobQueue implements JobQueue {
  private readonly definitions = new Map<string, JobDefinition<unknown>>();
  private readonly queue: Queue;
  private readonly connection: Redis;
  private worker: Worker | null = null;
  private workerConnection: Redis | null = null;

  constructor(private readonly options: BullJobQueueOptions) {
    // Adding and counting jobs happens inside turns and requests: a Redis that went away must fail
    // them quickly (the turn apologises) instead of holding them until it is back.
    this.connection = new Redis(options.redisUrl, { maxRetriesPerRequest: 1 });
    this.connection.on('error', () => undefined);
    this.queue = new Queue(QUEUE_NAME, { connection: this.connection, prefix: options.prefix });
    this.queue.on('error', (error) => options.logger.error({ err: error }, 'job queue error'));
  }

  define<P>(definition: JobDefinition<P>): void {
    this.definitions.set(definition.name, definition as JobDefinition<unknown>);
  }

  async enqueue(name: string, payload: unknown, options: EnqueueOptions = {}): Promise<string> {
    const definition = this.definitions.get(name);
    if (!definition) throw new Error(`no job named ${name} is defined`);
    const job = await this.queue.add(name, payload, {
      ...(options.jobId ? { jobId: options.jobId } : {}),
      ...(options.delayMs ? { delay: options.delayMs } : {}),
      attempts: definition.attempts ?? DEFAULT_ATTEMPTS,
      backoff: { type: 'exponential', delay: definition.backoffMs ?? DEFAULT_BACKOFF_MS },
      removeOnComplete: { count: KEEP_COMPLETED },
      removeOnFail: false,
    });
    return job.id!;
  }

  async failed(): Promise<FailedJob[]> {
    const jobs = await this.queue.getFailed();
    return jobs
      .map((job) => ({
        id: job.id!,
        name: job.name,
        payload: job.data as unknown,
        error: job.failedReason,
        attempts: job.attemptsMade,
        failedAt: new Date(job.finishedOn ?? job.timestamp).toISOString(),
      }))
      .sort((a, b) => b.failedAt.localeCompare(a.failedAt));
  }

  async retry(jobId: string): Promise<boolean> {
    const job = await this.queue.getJob(jobId);
    if (!job || !(await job.isFailed())) return false;
    await job.retry('failed');
    return true;
  }

  async counts(): Promise<JobCounts> {
    const counts = await this.queue.getJobCounts('waiting', 'active', 'delayed', 'failed');
    return {
      waiting: counts.waiting ?? 0,
      active: counts.active ?? 0,
      delayed: counts.delayed ?? 0,
      failed: counts.failed ?? 0,
    };
  }

  async start(): Promise<void> {
    // The worker's blocking reads need a connection that retries for ever: it waits out an outage.
    this.workerConnection = this.connection.duplicate({ maxRetriesPerRequest: null });
    this.worker = new Worker(QUEUE_NAME, (job) => this.run(job), {
      connection: this.workerConnection,
      prefix: this.options.prefix,
      concurrency: this.options.concurrency ?? 8,
    });
    this.worker.on('failed', (job, error) =>
      this.options.logger.warn({ job: job?.name, id: job?.id, attempt: job?.attemptsMade, reason: error.message }, 'job failed'),
    );
    // Not waiting for Redis here: the server must start (and say it is not ready) while Redis is away.
    this.worker.on('error', (error) => this.options.logger.error({ err: error }, 'job worker error'));
  }

  async close(): Promise<void> {
    await this.worker?.close();
    // With Redis away, closing would wait on a reconnection that may never come.
    if (this.connection.status !== 'ready') this.connection.disconnect();
    await this.queue.close();
    this.workerConnection?.disconnect();
    this.connection.disconnect();
  }

  private async run(job: Job): Promise<void> {
    const definition = this.definitions.get(job.name);
    if (!definition) throw new Error(`no job named ${job.name} is defined on this instance`);
    await definition.handler(definition.schema.parse(job.data));
  }
}
