/** India has one zone and no daylight saving: IST is always UTC+05:30. */
const IST_OFFSET_MINUTES = 330;
const MINUTES_PER_DAY = 24 * 60;

/**
 * When 1912 agents take chats: an IST window "HH:MM-HH:MM" (the AGENT_HOURS setting, written like
 * FRIENDLY_HOURS), which may wrap past midnight ("20:00-08:00" for a night shift).
 */
export class AgentHours {
  private constructor(
    private readonly start: number,
    private readonly end: number,
  ) {}

  /** Reads a window the configuration schema has already checked. */
  static parse(window: string): AgentHours {
    const match = /^(\d\d):(\d\d)-(\d\d):(\d\d)$/.exec(window);
    if (!match) throw new Error(`agent hours must be HH:MM-HH:MM, not ${window}`);
    const [, startHour, startMinute, endHour, endMinute] = match.map(Number) as [number, number, number, number, number];
    return new AgentHours(startHour * 60 + startMinute, endHour * 60 + endMinute);
  }

  /** Whether agents are taking chats at this moment; a window that starts and ends at the same minute never closes. */
  isOpen(at: Date): boolean {
    const minute = minuteOfIstDay(at);
    if (this.start === this.end) return true;
    return this.start < this.end ? minute >= this.start && minute < this.end : minute >= this.start || minute < this.end;
  }

  /** The window's start as the consumer reads it ("08:00"). */
  get opensAt(): string {
    return clock(this.start);
  }

  /** The window's end as the consumer reads it ("20:00"). */
  get closesAt(): string {
    return clock(this.end);
  }
}

function minuteOfIstDay(at: Date): number {
  const utcMinute = at.getUTCHours() * 60 + at.getUTCMinutes();
  return (utcMinute + IST_OFFSET_MINUTES) % MINUTES_PER_DAY;
}

function clock(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}
