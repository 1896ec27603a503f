/**
 * Meta's limits on business-initiated messages, shared by every instance and every campaign: a
 * throughput in messages per second, and a tier of unique recipients per day.
 */
export interface SendingQuota {
  /** Takes one of `limit` sending slots of this second (epoch seconds); false when they are all taken. */
  takeSlot(second: number, limit: number): Promise<boolean>;
  /**
   * Counts the recipient in the day's unique recipients if there is room (or they were counted
   * already); false when the tier is full for the day.
   */
  admit(day: string, conversationId: string, limit: number): Promise<boolean>;
}
