import type { EnqueueOptions, FailedJob, JobCounts, JobDefinition, JobQueue } from '../../../src/jobs/jobQueue';

/** A job waiting in the manual queue. */
export interface QueuedJob {
  id: string;
  name: string;
  payload: unknown;
  delayMs: number;
}

/**
 * A job queue the test drives by hand: jobs wait until the test runs them, so a fake clock decides
 * what "later" means and nothing runs behind the test's back.
 */
export class ManualJobQueue implements JobQueue {
  private readonly definitions = new Map<string, JobDefinition<unknown>>();
  readonly queued: QueuedJob[] = [];
  private readonly seen = new Set<string>();
  private serial = 0;

  define<P>(definition: JobDefinition<P>): void {
    this.definitions.set(definition.name, definition as JobDefinition<unknown>);
  }

  async enqueue(name: string, payload: unknown, options: EnqueueOptions = {}): Promise<string> {
    if (!this.definitions.has(name)) throw new Error(`no job named ${name} is defined`);
    const id = options.jobId ?? `job-${(this.serial += 1)}`;
    if (this.seen.has(id)) return id;
    this.seen.add(id);
    this.queued.push({ id, name, payload: structuredClone(payload), delayMs: options.delayMs ?? 0 });
    return id;
  }

  /** Takes the first queued job of this kind out of the queue, or throws when there is none. */
  take(name: string): QueuedJob {
    const index = this.queued.findIndex((job) => job.name === name);
    if (index < 0) throw new Error(`no ${name} job queued (queued: ${this.queued.map((job) => job.name).join(', ') || 'none'})`);
    return this.queued.splice(index, 1)[0]!;
  }

  /** Runs a job's handler as the worker would; a throw leaves it for the test to run again. */
  async run(job: QueuedJob): Promise<void> {
    const definition = this.definitions.get(job.name)!;
    await definition.handler(definition.schema.parse(job.payload));
  }

  /** Takes and runs the first job of this kind; resolves with it (its delay says when it was due). */
  async runNext(name: string): Promise<QueuedJob> {
    const job = this.take(name);
    await this.run(job);
    return job;
  }

  has(name: string): boolean {
    return this.queued.some((job) => job.name === name);
  }

  async failed(): Promise<FailedJob[]> {
    return [];
  }

  async retry(): Promise<boolean> {
    return false;
  }

  async counts(): Promise<JobCounts> {
    return { waiting: this.queued.length, active: 0, delayed: 0, failed: 0 };
  }

  async start(): Promise<void> {}

  async close(): Promise<void> {}
}
