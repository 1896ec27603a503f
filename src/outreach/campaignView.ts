import type { CampaignRecord, Outcome, Recipient } from './campaign';
import { istDate } from '../domain/indianTime';

/** A campaign as the campaign API shows it (docs/ops-api-openapi.yaml, "campaigns"). */
export interface CampaignView {
  id: string;
  name: string;
  criteria: CampaignRecord['criteria'];
  language: CampaignRecord['language'];
  status: CampaignRecord['status'];
  createdAt: string;
  createdBy: string;
  startedAt: string | null;
  finishedAt: string | null;
  counts: CampaignCounts;
}

export interface CampaignCounts {
  targeted: number;
  sent: number;
  delivered: number;
  read: number;
  failed: number;
  replied: number;
  /** Recharged or mobile updated, each consumer once. */
  resolved: number;
  optedOut: number;
  visitNeeded: number;
  visited: number;
}

/** The funnel's steps, in order. */
export const FUNNEL_STEPS = ['targeted', 'sent', 'delivered', 'read', 'replied', 'resolved'] as const satisfies readonly Outcome[];
export type FunnelRow = { key: string } & Record<(typeof FUNNEL_STEPS)[number], number>;
export type FunnelGrouping = 'division' | 'day';

type Recorded = Record<Outcome, Record<string, string>>;

export function campaignView(record: CampaignRecord, counted: Record<Outcome, number>): CampaignView {
  const count = (outcome: Outcome) => counted[outcome];
  return {
    id: record.id,
    name: record.name,
    criteria: record.criteria,
    language: record.language,
    status: record.status,
    createdAt: record.createdAt,
    createdBy: record.createdBy,
    startedAt: record.startedAt,
    finishedAt: record.finishedAt,
    counts: {
      targeted: count('targeted'),
      sent: count('sent'),
      delivered: count('delivered'),
      read: count('read'),
      failed: count('failed'),
      replied: count('replied'),
      resolved: count('resolved'),
      optedOut: count('opted_out'),
      visitNeeded: count('visit_needed'),
      visited: count('visited'),
    },
  };
}

/**
 * The funnel in rows: by the consumer's division, or by the IST day each step happened (a consumer
 * targeted on Monday and reading on Tuesday counts in both rows). Rows are sorted by key.
 */
export function funnelRows(recipients: readonly Recipient[], outcomes: Recorded, by: FunnelGrouping): FunnelRow[] {
  const divisionOf = new Map(recipients.map((r) => [r.caNumber, r.area.division]));
  const rows = new Map<string, FunnelRow>();
  for (const step of FUNNEL_STEPS) {
    for (const [caNumber, at] of Object.entries(outcomes[step])) {
      const key = by === 'division' ? (divisionOf.get(caNumber) ?? '') : istDate(new Date(at));
      const row = rows.get(key) ?? { key, targeted: 0, sent: 0, delivered: 0, read: 0, replied: 0, resolved: 0 };
      row[step] += 1;
      rows.set(key, row);
    }
  }
  return [...rows.values()].sort((a, b) => a.key.localeCompare(b.key));
}
