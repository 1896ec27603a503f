import type { OptOutStore } from './optOutStore';

/** Opt-outs of one process (the embedded default and tests). */
export class MemoryOptOutStore implements OptOutStore {
  private readonly optedOut = new Map<string, { at: string; campaignId: string | null }>();

  async optOut(conversationId: string, at: string, campaignId: string | null): Promise<boolean> {
    if (this.optedOut.has(conversationId)) return false;
    this.optedOut.set(conversationId, { at, campaignId });
    return true;
  }

  async isOptedOut(conversationId: string): Promise<boolean> {
    return this.optedOut.has(conversationId);
  }
}
