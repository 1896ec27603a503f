import { istDate } from '../domain/indianTime';
import { shiftDate } from './dailyFigures';
import {
  FIGURES_RETENTION_DAYS,
  MEMBERSHIP_RETENTION_DAYS,
  memberOf,
  quietDay,
  TALLY_FIELD,
  type ConversationOnChannel,
  type DayRecord,
  type EscalationKind,
  type FiguresStore,
  type FirstToday,
  type TicketEvent,
} from './figuresStore';

interface Day {
  record: DayRecord;
  seen: Set<string>;
  escalated: Set<string>;
  handed: Set<string>;
}

/** The embedded default: one process's figures. Days past the retention are dropped as new days begin. */
export class MemoryFiguresStore implements FiguresStore {
  private readonly byDate = new Map<string, Day>();

  async recordMessage(conversation: ConversationOnChannel, intent: string | null, at: Date): Promise<FirstToday> {
    const day = this.dayOf(at);
    const first = this.see(day, conversation);
    if (intent !== null) {
      const tally = day.record.intents.find((entry) => entry.intent === intent);
      if (tally) tally.count += 1;
      else day.record.intents.push({ intent, count: 1 });
    }
    return { conversation: first, escalation: false, handoff: false };
  }

  async recordEscalation(conversation: ConversationOnChannel, kind: EscalationKind, at: Date): Promise<FirstToday> {
    const day = this.dayOf(at);
    const member = memberOf(conversation);
    if (!day.seen.has(member)) return { conversation: false, escalation: false, handoff: false };
    const escalation = addNew(day.escalated, member);
    if (escalation) day.record.escalated += 1;
    const handoff = kind === 'agent' && addNew(day.handed, member);
    if (handoff) day.record.handedToAgents += 1;
    return { conversation: false, escalation, handoff };
  }

  async recordTicket(event: TicketEvent, at: Date): Promise<void> {
    const { tickets } = this.dayOf(at).record;
    let tally = tickets.find((entry) => entry.division === event.division && entry.category === event.category);
    if (!tally) {
      tally = { division: event.division, category: event.category, opened: 0, resolvedWithinSla: 0, resolvedLate: 0 };
      tickets.push(tally);
    }
    tally[TALLY_FIELD[event.outcome]] += 1;
  }

  async days(dates: readonly string[]): Promise<DayRecord[]> {
    return dates.map((date) => structuredClone(this.byDate.get(date)?.record ?? quietDay(date)));
  }

  private see(day: Day, conversation: ConversationOnChannel): boolean {
    const first = addNew(day.seen, memberOf(conversation));
    if (first) day.record.conversations += 1;
    return first;
  }

  private dayOf(at: Date): Day {
    const date = istDate(at);
    let day = this.byDate.get(date);
    if (!day) {
      day = { record: quietDay(date), seen: new Set(), escalated: new Set(), handed: new Set() };
      this.byDate.set(date, day);
      this.forgetBefore(date);
    }
    return day;
  }

  private forgetBefore(today: string): void {
    const oldestKept = shiftDate(today, -FIGURES_RETENTION_DAYS);
    const oldestCounted = shiftDate(today, -MEMBERSHIP_RETENTION_DAYS);
    for (const [date, day] of this.byDate) {
      if (date < oldestKept) this.byDate.delete(date);
      else if (date < oldestCounted) {
        day.seen.clear();
        day.escalated.clear();
        day.handed.clear();
      }
    }
  }
}

function addNew(set: Set<string>, member: string): boolean {
  if (set.has(member)) return false;
  set.add(member);
  return true;
}
