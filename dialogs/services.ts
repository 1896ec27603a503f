import type { MeterBackend } from '../src/backend/meterBackend';
import type { Policy } from '../src/config/config';
import type { ConversationReferenceStore } from '../src/conversations/conversationReferenceStore';
import type { CallBackRequests } from '../src/handoff/callBacks/callBackDesk';
import type { HandoffQueue } from '../src/handoff/handoffQueue';
import type { Translator } from '../src/i18n/translator';
import type { Memory } from '../src/bot/session';
import type { Recognizer } from '../src/nlu/recognizer';
import type { TicketService } from '../src/tickets/ticketService';
import type { Logger } from '../src/log/logger';
import type { RateLimiter } from '../src/limits/rateLimiter';
import type { CampaignConversations } from '../src/outreach/campaignFollowUp';

/** The ports the dialogs talk to; chosen by the composition root, never by a dialog. */
export interface DialogServices {
  backend: MeterBackend;
  tickets: TicketService;
  handoff: HandoffQueue;
  /** Call-backs agents make: asked for when no agent can chat now. */
  callBacks: CallBackRequests;
  /** Where conversations are kept to reach them again (ticket updates, agent replies). */
  conversations: ConversationReferenceStore;
  recognizer: Recognizer;
  translator: Translator;
  memory: Memory;
  policy: Policy;
  /** Counts attempts per CA and per number across conversations and instances (rules in `policy`). */
  limiter: RateLimiter;
  logger: Logger;
  now: () => Date;
  /** Confidence bands for acting on a recognition; the measured defaults (src/nlu/confidenceBands) when absent. */
  nlu?: { actThreshold: number; confirmThreshold: number };
  /** Outreach campaigns: a tapped campaign button or a typed stop after one; absent, campaign replies are plain text. */
  outreach?: CampaignConversations;
}
