import { randomUUID } from 'node:crypto';
import { createHmac } from 'node:crypto';
import { z } from 'zod';
import type { BreachAlerts } from '../alerts/breachAlerts';
import type { MeterBackend } from '../backend/meterBackend';
import type { JobQueue } from '../jobs/jobQueue';
import type { Logger } from '../log/logger';
import { isOverdue, type TicketChange } from './lifecycle';
import { FINISHED_STATUSES, OPEN_STATUSES, type Ticket } from './ticket';
import type { TicketRepository } from './ticketRepository';
import type { TicketWorkflow } from './ticketWorkflow';

/** Where the discom's work-order system receives every ticket change. */
export interface TicketWebhook {
  url: string;
  /** Signs each body: header X-Sampark-Signature: sha256=<hex HMAC-SHA256>. */
  secret: string;
}

export interface TicketAutomationParts {
  jobs: JobQueue;
  repository: TicketRepository;
  /** Asked again for the area of a ticket opened while it did not answer. */
  backend: Pick<MeterBackend, 'findConsumer'>;
  webhook: TicketWebhook | null;
  logger: Logger;
  now: () => Date;
  /** Told of every breach, for metrics. */
  onBreach?: (ticket: Ticket) => void;
  /** First retry delay of the jobs (doubling); 10 s by default, shorter in tests. */
  retryBackoffMs?: number;
  /** How long a finished ticket waits for the consumer to reopen it; then it closes by itself. */
  reopenWindowHours: number;
}

const SLA_CHECK = 'ticket.sla-check';
const WEBHOOK = 'ticket.webhook';
const BREACH_ALERT = 'ticket.breach-alert';
const CLOSE = 'ticket.close';
const RESOLVE_LINKED = 'ticket.resolve-linked';
const LOCATE = 'ticket.locate';
const WEBHOOK_TIMEOUT_MS = 10_000;

const SlaCheckSchema = z.object({ number: z.string(), dueAt: z.string() });
const WebhookSchema = z.object({ event: z.enum(['opened', 'changed']), number: z.string(), change: z.unknown().optional() });
const BreachAlertSchema = z.object({ number: z.string(), at: z.iso.datetime() });
const CloseSchema = z.object({ number: z.string(), finishedAt: z.iso.datetime() });
const ResolveLinkedSchema = z.object({ number: z.string() });
const LocateSchema = z.object({ number: z.string() });

/**
 * What happens to tickets without anyone asking, as durable jobs: at each due time a check marks a
 * ticket still open as breached (which raises its priority; the status stays, so the consumer gets
 * no notice), the section's supervisors find the breach in their alert inbox, and every opening and
 * change (the breach included) is posted, signed, to the work-order system's webhook, retried until
 * it answers; a ticket resolved or found impossible closes once the consumer's reopen window has passed;
 * a resolved area outage resolves the reports linked to it; and a ticket opened while the backend
 * could not say the consumer's area gets it once the backend answers, so its section's team sees it.
 */
export class TicketAutomation {
  private workflow: TicketWorkflow | null = null;
  private breachAlerts: BreachAlerts | null = null;

  constructor(private readonly parts: TicketAutomationParts) {
    const backoffMs = parts.retryBackoffMs ?? 10_000;
    parts.jobs.define({ name: SLA_CHECK, schema: SlaCheckSchema, attempts: 5, backoffMs, handler: (job) => this.checkSla(job) });
    // Twelve tries doubling from 10 s cover about 11 hours of a work-order system being down.
    parts.jobs.define({ name: WEBHOOK, schema: WebhookSchema, attempts: 12, backoffMs, handler: (job) => this.post(job) });
    parts.jobs.define({ name: BREACH_ALERT, schema: BreachAlertSchema, attempts: 8, backoffMs, handler: (job) => this.alert(job) });
    parts.jobs.define({ name: CLOSE, schema: CloseSchema, attempts: 5, backoffMs, handler: (job) => this.close(job) });
    // Sixteen tries doubling from 10 s keep asking for about a week of backend outage.
    parts.jobs.define({ name: LOCATE, schema: LocateSchema, attempts: 16, backoffMs, handler: (job) => this.locate(job) });
    parts.jobs.define({ name: RESOLVE_LINKED, schema: ResolveLinkedSchema, attempts: 8, backoffMs, handler: (job) => this.resolveLinked(job) });
  }

  /** The workflow breaches go through; set once both exist, since the workflow reports its changes here. */
  attach(workflow: TicketWorkflow): void {
    this.workflow = workflow;
  }

  /**
   * Who hears of breaches: set where the staff accounts are known (the staff consoles), before the
   * jobs start. Until then a breach alerts nobody.
   */
  alertSupervisors(alerts: BreachAlerts): void {
    this.breachAlerts = alerts;
  }

  /** A new ticket: its SLA check and its webhook. */
  async opened(ticket: Ticket): Promise<void> {
    await this.scheduleSlaCheck(ticket);
    await this.enqueueWebhook(ticket, 'opened');
    // Without an area no field user, and no supervisor's alert inbox, would ever see it.
    if (ticket.caNumber !== null && ticket.area === null) await this.parts.jobs.enqueue(LOCATE, { number: ticket.number }, { jobId: `locate-${ticket.number}` });
  }

  /** A backend that still does not answer throws, and the job is tried again later. */
  private async locate({ number }: z.infer<typeof LocateSchema>): Promise<void> {
    const ticket = await this.parts.repository.findByNumber(number);
    if (!ticket?.caNumber || ticket.area) return;
    const consumer = await this.parts.backend.findConsumer(ticket.caNumber);
    if (!consumer) return;
    if (!this.workflow) throw new Error('ticket automation has no workflow attached');
    const outcome = await this.workflow.change(number, { type: 'locate', area: consumer.area }, { kind: 'system' });
    if (!outcome.ok && outcome.problem !== 'wrong_status') throw new Error(`could not locate ${number}: ${outcome.problem}`);
  }

  /** A change by the field team or the consumer: a moved due time gets its own check; the webhook hears of it. */
  async changed(ticket: Ticket, change: TicketChange): Promise<void> {
    await this.scheduleSlaCheck(ticket);
    await this.enqueueWebhook(ticket, 'changed', change);
    await this.scheduleClose(ticket, change);
    // An incident is the first report of an area outage: the others of its section link to it.
    if (change.to === 'resolved' && ticket.category === 'area_outage' && !ticket.incident) {
      await this.parts.jobs.enqueue(RESOLVE_LINKED, { number: ticket.number }, { jobId: `resolve-linked-${ticket.number}-${change.at}` });
    }
  }

  private async resolveLinked({ number }: z.infer<typeof ResolveLinkedSchema>): Promise<void> {
    if (!this.workflow) throw new Error('ticket automation has no workflow attached');
    await this.workflow.resolveLinkedReports(number);
  }

  /** A finished ticket closes when the consumer can no longer reopen it: one job per finish. */
  private async scheduleClose(ticket: Ticket, change: TicketChange): Promise<void> {
    const finishedAt = ticket.work?.finishedAt;
    if (!finishedAt || !FINISHED_STATUSES.includes(change.to)) return;
    const closesAt = Date.parse(finishedAt) + this.parts.reopenWindowHours * 3_600_000;
    const delayMs = Math.max(0, closesAt - this.parts.now().getTime());
    await this.parts.jobs.enqueue(CLOSE, { number: ticket.number, finishedAt }, { jobId: `close-${ticket.number}-${Date.parse(finishedAt)}`, delayMs });
  }

  private async close({ number, finishedAt }: z.infer<typeof CloseSchema>): Promise<void> {
    const ticket = await this.parts.repository.findByNumber(number);
    // Reopened (and perhaps finished again, with a job of its own) or closed by a supervisor: nothing to do.
    if (!ticket || ticket.work?.finishedAt !== finishedAt || !FINISHED_STATUSES.includes(ticket.status)) return;
    if (!this.workflow) throw new Error('ticket automation has no workflow attached');
    const outcome = await this.workflow.change(number, { type: 'close' }, { kind: 'system' });
    if (!outcome.ok && outcome.problem !== 'wrong_status') throw new Error(`could not close ${number}: ${outcome.problem}`);
  }

  private async scheduleSlaCheck(ticket: Ticket): Promise<void> {
    if (ticket.work?.breached) return;
    const delayMs = Math.max(0, Date.parse(ticket.dueAt) - this.parts.now().getTime());
    // One check per due time: a ticket whose due time moves (a hold) gets a new check, never two for one time.
    await this.parts.jobs.enqueue(SLA_CHECK, { number: ticket.number, dueAt: ticket.dueAt }, { jobId: `sla-${ticket.number}-${Date.parse(ticket.dueAt)}`, delayMs });
  }

  private async checkSla({ number, dueAt }: z.infer<typeof SlaCheckSchema>): Promise<void> {
    const ticket = await this.parts.repository.findByNumber(number);
    // Moved (a hold), finished or already breached: this check is stale, and a newer one covers the ticket.
    if (!ticket || ticket.dueAt !== dueAt || ticket.work?.breached) return;
    const now = this.parts.now();
    if (!isOverdue(ticket, now)) {
      // Run a little early (a timer, or an instance whose clock is behind the one that scheduled it):
      // look again when it is due, or the breach would never be noticed.
      const earlyByMs = Date.parse(dueAt) - now.getTime();
      if (earlyByMs > 0 && OPEN_STATUSES.includes(ticket.status) && ticket.status !== 'on_hold') {
        await this.parts.jobs.enqueue(SLA_CHECK, { number, dueAt }, { jobId: `sla-${number}-${Date.parse(dueAt)}-again-${randomUUID()}`, delayMs: earlyByMs });
      }
      return;
    }
    if (!this.workflow) throw new Error('ticket automation has no workflow attached');
    const outcome = await this.workflow.change(number, { type: 'breach' }, { kind: 'system' });
    if (!outcome.ok) throw new Error(`could not mark ${number} as breached: ${outcome.problem}`);
    this.parts.logger.warn({ ticket: number, category: ticket.category, area: ticket.area?.section }, 'ticket breached its SLA');
    this.parts.onBreach?.(outcome.ticket);
    // Its own job: the breach is stored, so a failing inbox must be retried without re-checking the SLA.
    await this.parts.jobs.enqueue(BREACH_ALERT, { number, at: outcome.change.at }, { jobId: `breach-alert-${number}-${Date.parse(dueAt)}` });
  }

  private async alert({ number, at }: z.infer<typeof BreachAlertSchema>): Promise<void> {
    const ticket = await this.parts.repository.findByNumber(number);
    if (!ticket) return;
    if (!this.breachAlerts) {
      this.parts.logger.warn({ ticket: number }, 'breach alert not delivered: this instance has no staff accounts mounted');
      return;
    }
    const told = await this.breachAlerts.breached(ticket, new Date(at));
    this.parts.logger.info({ ticket: number, supervisors: told.length }, 'breach alert delivered');
  }

  private async enqueueWebhook(ticket: Ticket, event: 'opened' | 'changed', change?: TicketChange): Promise<void> {
    if (!this.parts.webhook) return;
    const jobId = `webhook-${ticket.number}-${event}-${change?.at ?? ticket.createdAt}-${change?.to ?? ticket.status}`;
    await this.parts.jobs.enqueue(WEBHOOK, { event, number: ticket.number, ...(change ? { change } : {}) }, { jobId });
  }

  /** Posts the ticket as it is now; a non-2xx answer or a timeout fails the job, which is retried. */
  private async post({ event, number, change }: z.infer<typeof WebhookSchema>): Promise<void> {
    const webhook = this.parts.webhook;
    const ticket = await this.parts.repository.findByNumber(number);
    if (!webhook || !ticket) return;
    const body = JSON.stringify({ event, change: change ?? null, ticket });
    const signature = createHmac('sha256', webhook.secret).update(body).digest('hex');
    const response = await fetch(webhook.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-sampark-signature': `sha256=${signature}` },
      body,
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    });
    if (!response.ok) throw new Error(`ticket webhook answered ${response.status}`);
  }
}
