/**
 * WhatsApp numbers that asked for no more campaign messages, for good and from every campaign. Keyed
 * by the conversation id of the number (a keyed hash, see conversationIds.ts), never the number.
 */
export interface OptOutStore {
  /** Records the opt-out; true the first time for this conversation. */
  optOut(conversationId: string, at: string, campaignId: string | null): Promise<boolean>;
  isOptedOut(conversationId: string): Promise<boolean>;
}
