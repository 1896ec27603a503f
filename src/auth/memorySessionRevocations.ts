import type { Clock } from '../domain/clock';
import type { SessionRevocations } from './sessionRevocations';

/** The embedded default: revocations this process knows of, each dropped once its token has expired. */
export class MemorySessionRevocations implements SessionRevocations {
  private readonly revoked = new Map<string, number>();

  constructor(private readonly now: Clock) {}

  async revoke(tokenId: string, expiresAt: number): Promise<void> {
    const now = this.now().getTime() / 1000;
    for (const [id, until] of this.revoked) if (until <= now) this.revoked.delete(id);
    this.revoked.set(tokenId, expiresAt);
  }

  async isRevoked(tokenId: string): Promise<boolean> {
    return this.revoked.has(tokenId);
  }
}
