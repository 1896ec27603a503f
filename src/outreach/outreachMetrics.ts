import { Counter, type Registry } from 'prom-client';
import type { Outcome } from './campaign';

/** Prometheus counters of campaigns, on Sampark's registry (GET /metrics). */
export class OutreachMetrics {
  /** Each consumer's outcome, counted the first time it happens in a campaign. */
  readonly outcomes: Counter<'outcome'>;
  /** Send attempts by result: accepted, refused, retried, unknown, opted_out, tier_full. */
  readonly sends: Counter<'result'>;

  constructor(registry: Registry) {
    this.outcomes = new Counter({
      name: 'sampark_campaign_outcomes_total',
      help: 'Campaign outcomes per consumer (targeted, sent, delivered, read, replied, resolved...), each counted once',
      labelNames: ['outcome'] as const,
      registers: [registry],
    });
    this.sends = new Counter({
      name: 'sampark_campaign_sends_total',
      help: 'Campaign template sends by result',
      labelNames: ['result'] as const,
      registers: [registry],
    });
  }

  outcome(outcome: Outcome): void {
    this.outcomes.inc({ outcome });
  }
}
