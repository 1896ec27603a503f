import { randomUUID } from 'node:crypto';
import type { Logger } from '../log/logger';
import {
  DEFAULT_ATTEMPTS,
  DEFAULT_BACKOFF_MS,
  retryDelayMs,
  type EnqueueOptions,
  type FailedJob,
  type JobCounts,
  type JobDefinition,
  type JobQueue,
} from './jobQueue';

const MAX_TIMER_MS = 2 ** 31 - 1;

interface PendingJob {
  id: string;
  name: string;
  payload: unknown;
  attemptsMade: number;
  timer: NodeJS.Timeout | null;
}

/**
 * The embedded default: jobs run in this process with the same retries and failed set as on
 * BullMQ. It is not durable (a crash loses waiting jobs), which is why production uses Redis.
 */
export class InProcessJobQueue implements JobQueue {
  private readonly definitions = new Map<string, JobDefinition<unknown>>();
  private readonly pending = new Map<string, PendingJob>();
  private readonly failedJobs = new Map<string, FailedJob & { job: PendingJob }>();
  private readonly running = new Set<Promise<void>>();
  private started = false;
  private closed = false;

  constructor(private readonly logger: Logger) {}

  define<P>(definition: JobDefinition<P>): void {
    this.definitions.set(definition.name, definition as JobDefinition<unknown>);
  }

  async enqueue(name: string, payload: unknown, options: EnqueueOptions = {}): Promise<string> {
    if (!this.definitions.has(name)) throw new Error(`no job named ${name} is defined`);
    const id = options.jobId ?? randomUUID();
    if (this.pending.has(id) || this.failedJobs.has(id)) return id;
    const job: PendingJob = { id, name, payload: structuredClone(payload), attemptsMade: 0, timer: null };
    this.pending.set(id, job);
    this.schedule(job, options.delayMs ?? 0);
    return id;
  }

  async failed(): Promise<FailedJob[]> {
    return [...this.failedJobs.values()]
      .map(({ job: _job, ...failed }) => failed)
      .sort((a, b) => b.failedAt.localeCompare(a.failedAt));
  }

  async retry(jobId: string): Promise<boolean> {
    const failed = this.failedJobs.get(jobId);
    if (!failed) return false;
    this.failedJobs.delete(jobId);
    const job = { ...failed.job, attemptsMade: 0, timer: null };
    this.pending.set(jobId, job);
    this.schedule(job, 0);
    return true;
  }

  async counts(): Promise<JobCounts> {
    const waiting = [...this.pending.values()];
    return {
      waiting: waiting.filter((job) => job.timer === null).length,
      active: this.running.size,
      delayed: waiting.filter((job) => job.timer !== null).length,
      failed: this.failedJobs.size,
    };
  }

  async start(): Promise<void> {
    this.started = true;
    for (const job of this.pending.values()) if (job.timer === null) this.schedule(job, 0);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.pending.values()) if (job.timer) clearTimeout(job.timer);
    await Promise.all(this.running);
  }

  private schedule(job: PendingJob, delayMs: number): void {
    if (!this.started || this.closed) return;
    // setTimeout fires at once beyond 2^31-1 ms (about 24.8 days): a longer delay waits in steps.
    if (delayMs > MAX_TIMER_MS) {
      job.timer = setTimeout(() => this.schedule(job, delayMs - MAX_TIMER_MS), MAX_TIMER_MS);
      return;
    }
    job.timer = setTimeout(() => {
      job.timer = null;
      const run = this.attempt(job).finally(() => this.running.delete(run));
      this.running.add(run);
    }, delayMs);
  }

  private async attempt(job: PendingJob): Promise<void> {
    const definition = this.definitions.get(job.name)!;
    job.attemptsMade += 1;
    try {
      await definition.handler(definition.schema.parse(job.payload));
      this.pending.delete(job.id);
    } catch (error) {
      const attempts = definition.attempts ?? DEFAULT_ATTEMPTS;
      const reason = error instanceof Error ? error.message : String(error);
      if (job.attemptsMade < attempts) {
        this.logger.warn({ job: job.name, id: job.id, attempt: job.attemptsMade, reason }, 'job failed, will retry');
        this.schedule(job, retryDelayMs(definition.backoffMs ?? DEFAULT_BACKOFF_MS, job.attemptsMade));
        return;
      }
      this.logger.error({ job: job.name, id: job.id, attempts: job.attemptsMade, reason }, 'job failed for good');
      this.pending.delete(job.id);
      this.failedJobs.set(job.id, {
        id: job.id,
        name: job.name,
        payload: job.payload,
        error: reason,
        attempts: job.attemptsMade,
        failedAt: new Date().toISOString(),
        job,
      });
    }
  }
}
