import { isInIstWindow, msUntilIstWindowOpens, type IstWindow } from '../domain/indianTime';

/**
 * When 1912 agents take chats: an IST window "HH:MM-HH:MM" (the AGENT_HOURS setting, written like
 * FRIENDLY_HOURS), which may wrap past midnight ("20:00-08:00" for a night shift).
 */
export class AgentHours {
  private constructor(private readonly window: IstWindow) {}

  /** Reads a window the configuration schema has already checked. */
  static parse(window: string): AgentHours {
    const match = /^(\d\d):(\d\d)-(\d\d):(\d\d)$/.exec(window);
    if (!match) throw new Error(`agent hours must be HH:MM-HH:MM, not ${window}`);
    const [, startHour, startMinute, endHour, endMinute] = match.map(Number) as [number, number, number, number, number];
    return new AgentHours({ from: startHour * 60 + startMinute, until: endHour * 60 + endMinute });
  }

  /** Whether agents are taking chats at this moment; a window that starts and ends at the same minute never closes. */
  isOpen(at: Date): boolean {
    return this.window.from === this.window.until || isInIstWindow(this.window, at);
  }

  /** When agents are next in: `at` itself while they are, else the window's next start. */
  nextOpenAt(at: Date): Date {
    return this.isOpen(at) ? at : new Date(at.getTime() + msUntilIstWindowOpens(this.window, at));
  }

  /** The window's start as the consumer reads it ("08:00"). */
  get opensAt(): string {
    return clock(this.window.from);
  }

  /** The window's end as the consumer reads it ("20:00"). */
  get closesAt(): string {
    return clock(this.window.until);
  }
}

function clock(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}
