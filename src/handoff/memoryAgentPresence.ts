import type { StaffIdentity } from '../auth/staff';
import { byPerson, type AgentPresence, type PresenceBeat, type PresentAgent } from './agentPresence';

/** Console presence in process memory, the embedded default. */
export class MemoryAgentPresence implements AgentPresence {
  private readonly beats = new Map<string, { beat: PresenceBeat; expiresAt: number }>();
  private readonly away = new Set<string>();

  constructor(
    private readonly ttlSeconds: number,
    private readonly now: () => Date,
  ) {}

  async heartbeat(connection: string, who: Pick<StaffIdentity, 'username' | 'name' | 'role'>): Promise<void> {
    const now = this.now();
    const beat = { username: who.username, name: who.name, role: who.role, at: now.toISOString() };
    this.beats.set(connection, { beat, expiresAt: now.getTime() + this.ttlSeconds * 1000 });
  }

  async leave(connection: string): Promise<void> {
    this.beats.delete(connection);
  }

  async online(): Promise<PresentAgent[]> {
    const now = this.now().getTime();
    for (const [connection, { expiresAt }] of this.beats) if (expiresAt <= now) this.beats.delete(connection);
    return byPerson([...this.beats.values()].map(({ beat }) => beat), this.away);
  }

  async setAway(username: string, away: boolean): Promise<void> {
    if (away) this.away.add(username);
    else this.away.delete(username);
  }
}
