import type { z } from 'zod';

/**
 * Work that must happen even if this process dies right after promising it: outbound sends,
 * notifications, timers. A job is retried with exponential backoff; one that keeps failing waits in
 * a failed set an operator can list and retry.
 */
export interface JobQueue {
  /** Declares a kind of job; the payload is checked against `schema` before the handler sees it. */
  define<P>(definition: JobDefinition<P>): void;
  /** Schedules a job; with a `jobId`, asking twice schedules it once. Resolves with the job's id. */
  enqueue(name: string, payload: unknown, options?: EnqueueOptions): Promise<string>;
  /** Jobs that used up their attempts, newest first. */
  failed(): Promise<FailedJob[]>;
  /** Runs a failed job again from its first attempt; false when no such failed job exists. */
  retry(jobId: string): Promise<boolean>;
  counts(): Promise<JobCounts>;
  /** Starts taking jobs (after every `define`). */
  start(): Promise<void>;
  /** Stops taking jobs and waits for the running ones. */
  close(): Promise<void>;
}

export interface JobDefinition<P> {
  name: string;
  schema: z.ZodType<P>;
  handler: (payload: P) => Promise<void>;
  /** Tries in all, the first included; 5 by default. */
  attempts?: number;
  /** Delay before the first retry, doubling each time; 1000 ms by default. */
  backoffMs?: number;
}

export interface EnqueueOptions {
  /** An idempotency key: a job with this id is scheduled once, however often it is asked for. */
  jobId?: string;
  /** Run no earlier than this many milliseconds from now. */
  delayMs?: number;
}

export interface FailedJob {
  id: string;
  name: string;
  payload: unknown;
  error: string;
  attempts: number;
  failedAt: string;
}

export interface JobCounts {
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
}

export const DEFAULT_ATTEMPTS = 5;
export const DEFAULT_BACKOFF_MS = 1000;

/** The delay before retry `retryNumber` (1 for the first retry): backoff doubling each time. */
export function retryDelayMs(backoffMs: number, retryNumber: number): number {
  return backoffMs * 2 ** (retryNumber - 1);
}
