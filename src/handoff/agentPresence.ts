import type { StaffIdentity } from '../auth/staff';

/** Who has the agent console open, as a supervisor sees it. */
export interface PresentAgent {
  username: string;
  name: string;
  role: StaffIdentity['role'];
  lastSeenAt: string;
  /** Open consoles (tabs, machines) of this person. */
  consoles: number;
  /** They said they are away: no conversation is assigned to them automatically. */
  away: boolean;
}

/**
 * Console connections kept alive by heartbeats: each open console beats while its live stream is
 * open, and one that stops beating (closed tab, lost network, a crashed instance) drops out after
 * the time to live without anyone having to notice.
 */
export interface AgentPresence {
  /** Marks one console connection alive for the time to live from now. */
  heartbeat(connection: string, who: Pick<StaffIdentity, 'username' | 'name' | 'role'>): Promise<void>;
  /** The connection closed: it no longer counts. */
  leave(connection: string): Promise<void>;
  /** Everyone with at least one live console. */
  online(): Promise<PresentAgent[]>;
  /** Marks a person away (on a break, on a call) or back; it stays until changed, on every instance. */
  setAway(username: string, away: boolean): Promise<void>;
}

/** One live connection as stored. */
export interface PresenceBeat {
  username: string;
  name: string;
  role: StaffIdentity['role'];
  at: string;
}

/** Live connections folded into one entry per person; `away` are the usernames marked away. */
export function byPerson(beats: readonly PresenceBeat[], away: ReadonlySet<string>): PresentAgent[] {
  const people = new Map<string, PresentAgent>();
  for (const beat of beats) {
    const known = people.get(beat.username);
    people.set(beat.username, {
      username: beat.username,
      name: beat.name,
      role: beat.role,
      lastSeenAt: known && known.lastSeenAt > beat.at ? known.lastSeenAt : beat.at,
      consoles: (known?.consoles ?? 0) + 1,
      away: away.has(beat.username),
    });
  }
  return [...people.values()].sort((a, b) => a.username.localeCompare(b.username));
}

/** A console that has not beaten for this long is taken as closed; streams beat several times within it. */
export const PRESENCE_TTL_SECONDS = 60;
