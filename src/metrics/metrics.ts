import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { setTimeout as sleep } from 'node:timers/promises';
import type { JobCounts } from '../jobs/jobQueue';

const JOB_COUNT_TIMEOUT_MS = 500;

/** Prometheus metrics of one process, scraped from /metrics. */
export class Metrics {
  readonly registry = new Registry();

  /** Turns by channel and outcome (ok, failed). */
  readonly turns = new Counter({
    name: 'sampark_turns_total',
    help: 'Turns handled, by channel and outcome',
    labelNames: ['channel', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly turnSeconds = new Histogram({
    name: 'sampark_turn_duration_seconds',
    help: 'Time from a message arriving to its turn finishing, lock wait included',
    labelNames: ['channel'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly lockWaitSeconds = new Histogram({
    name: 'sampark_turn_lock_wait_seconds',
    help: 'Time a turn waited for its conversation lock in Redis',
    buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5],
    registers: [this.registry],
  });

  readonly intents = new Counter({
    name: 'sampark_intents_total',
    help: 'Messages by recognized intent',
    labelNames: ['intent'] as const,
    registers: [this.registry],
  });

  readonly redisErrors = new Counter({
    name: 'sampark_redis_errors_total',
    help: 'Errors reported by the Redis connection',
    registers: [this.registry],
  });

  readonly tickets = new Counter({
    name: 'sampark_tickets_total',
    help: 'Escalations by category and whether they opened a ticket or joined an open one',
    labelNames: ['category', 'result'] as const,
    registers: [this.registry],
  });

  readonly handoffSatisfaction = new Counter({
    name: 'sampark_handoff_satisfaction_total',
    help: 'Answers to the one-tap question asked when an agent hands a conversation back (good, okay, poor, skipped)',
    labelNames: ['rating'] as const,
    registers: [this.registry],
  });

  readonly slaBreaches = new Counter({
    name: 'sampark_sla_breaches_total',
    help: 'Tickets that passed their SLA due time still open, by category',
    labelNames: ['category'] as const,
    registers: [this.registry],
  });

  /** With the three below, the daily operations figures (src/ops); contained by the bot = this − escalated. */
  readonly conversations = new Counter({
    name: 'sampark_conversations_total',
    help: 'Conversations with a message on an IST day, each counted once that day, by channel',
    labelNames: ['channel'] as const,
    registers: [this.registry],
  });

  readonly conversationsEscalated = new Counter({
    name: 'sampark_conversations_escalated_total',
    help: 'Conversations handed to an agent or turned into a ticket on an IST day, each counted once that day',
    labelNames: ['channel'] as const,
    registers: [this.registry],
  });

  readonly conversationsHandedToAgents = new Counter({
    name: 'sampark_conversations_handed_to_agents_total',
    help: 'Conversations queued for an agent on an IST day, each counted once that day',
    labelNames: ['channel'] as const,
    registers: [this.registry],
  });

  readonly ticketsResolved = new Counter({
    name: 'sampark_tickets_resolved_total',
    help: 'Tickets resolved, by division, category and whether within their SLA (within, late)',
    labelNames: ['division', 'category', 'sla'] as const,
    registers: [this.registry],
  });

  private todaysFigures: (() => Promise<Record<string, number>>) | null = null;

  /** Today's operations figures as the shared store has them, read at each scrape. */
  readonly opsToday = new Gauge({
    name: 'sampark_ops_today',
    help: "Today's (IST) operations figures across all instances, read at each scrape",
    labelNames: ['figure'] as const,
    registers: [this.registry],
    collect: async () => {
      if (!this.todaysFigures) return;
      const figures = await Promise.race([this.todaysFigures().catch(() => null), sleep(JOB_COUNT_TIMEOUT_MS, null)]);
      if (!figures) return;
      for (const [figure, value] of Object.entries(figures)) this.opsToday.set({ figure }, value);
    },
  });

  /** Where the ops_today gauge reads today's figures. */
  readFiguresTodayWith(source: () => Promise<Record<string, number>>): void {
    this.todaysFigures = source;
  }

  private jobCounts: (() => Promise<JobCounts>) | null = null;

  /** Counted from the job queue at each scrape. */
  readonly jobs = new Gauge({
    name: 'sampark_jobs',
    help: 'Durable jobs by state, counted at each scrape',
    labelNames: ['state'] as const,
    registers: [this.registry],
    collect: async () => {
      if (!this.jobCounts) return;
      // A scrape must not hang on a Redis that is away: no answer in time leaves the last values.
      const counts = await Promise.race([this.jobCounts().catch(() => null), sleep(JOB_COUNT_TIMEOUT_MS, null)]);
      if (!counts) return;
      for (const [state, count] of Object.entries(counts)) this.jobs.set({ state }, count);
    },
  });

  /** Where the jobs gauge reads its counts. */
  countJobsWith(source: () => Promise<JobCounts>): void {
    this.jobCounts = source;
  }

  /** Adds the process's CPU, memory and event-loop metrics; once, in the server process. */
  collectProcessMetrics(): void {
    collectDefaultMetrics({ register: this.registry, prefix: 'sampark_' });
  }
}
