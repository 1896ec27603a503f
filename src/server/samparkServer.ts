import { addSimulatorPaymentPage } from '../backend/simulator/paymentPage';
import { SIMULATOR_PAYMENT_PATH } from '../backend/simulator/simulatedMeterBackend';
import { SimulatedMeterBackend } from '../backend/simulator/simulatedMeterBackend';
import type { Server } from 'restify';
import type { Sampark } from '../app';
import { apologize } from '../bot/apology';
import { createBotFrameworkAdapter, type SamparkCloudAdapter } from '../channels/botframework/botFrameworkAdapter';
import type { WebChat } from '../channels/directline/mountWebChat';
import type { WhatsAppDeps } from '../channels/whatsapp/mountWhatsApp';
import { WHATSAPP_CHANNEL_ID, type WhatsAppAdapter } from '../channels/whatsapp/whatsAppAdapter';
import type { WhatsAppSettings } from '../channels/whatsapp/whatsAppSettings';
import type { Config } from '../config/config';
import { conversationKey, type ConversationReferenceStore } from '../conversations/conversationReferenceStore';
import { WITH_AGENT_SIDE } from '../handoff/handoffRecord';
import type { Logger } from '../log/logger';
import { ANY_OTHER_CHANNEL, type ProactiveChannel } from '../notify/channelNotifier';
import { whatsAppOutreachChannel } from '../outreach/whatsAppOutreachChannel';
import { createHttpServer } from './httpServer';

/**
 * The HTTP service around a Sampark: the Bot Framework endpoint, health, readiness and metrics, and
 * notices to Azure Bot Service channels through the same CloudAdapter. `npm start`, the benchmarks
 * and the tests build it the same way; each then mounts the channels and APIs it needs.
 */
export function createSamparkServer(sampark: Sampark, config: Config, logger: Logger): { server: Server; adapter: SamparkCloudAdapter } {
  const adapter = createBotFrameworkAdapter(config, logger, (context) => apologize(context, sampark.translator));
  const server = createHttpServer({
    bot: sampark.bot,
    adapter,
    logger,
    readiness: sampark.readiness,
    metrics: sampark.metrics,
    bodyLimits: config.requestBodies,
  });
  // The demo's stand-in for the payment gateway, where the built-in simulator's payment links open.
  if (sampark.services.backend instanceof SimulatedMeterBackend) {
    addSimulatorPaymentPage(server, sampark.services.backend, sampark.translator, SIMULATOR_PAYMENT_PATH);
  }
  sampark.notifier.register(ANY_OTHER_CHANNEL, {
    reference: storedReference(sampark.services.conversations),
    deliver: (reference, message) =>
      adapter.continueConversationAsync(config.botFramework.appId ?? '', reference, async (turn) => void (await turn.sendActivity(message))),
  });
  return { server, adapter };
}

/** What the WhatsApp channel takes from a Sampark; the caller adds its settings and options. */
export function whatsAppPartsOf(
  sampark: Sampark,
): Pick<WhatsAppDeps, 'bot' | 'translator' | 'memory' | 'tickets' | 'jobs' | 'metrics' | 'readiness' | 'onStatus' | 'heldByAgents'> {
  return {
    onStatus: (status) => sampark.outreach.onStatus(status),
    bot: sampark.bot,
    heldByAgents: async (conversationId) => {
      const record = await sampark.handoff.current(conversationId);
      return record !== null && WITH_AGENT_SIDE.includes(record.status);
    },
    translator: sampark.translator,
    memory: sampark.services.memory,
    tickets: sampark.services.tickets,
    jobs: sampark.jobs,
    metrics: sampark.metrics,
    readiness: sampark.readiness,
  };
}

/** Ticket updates and agent replies reach web chat conversations through its adapter. */
export function noticesThroughWebChat(sampark: Sampark, webChat: WebChat): void {
  sampark.notifier.register('directline', {
    reference: storedReference(sampark.services.conversations),
    deliver: (reference, message) => webChat.adapter.continueConversation(reference, async (turn) => void (await turn.sendActivity(message))),
  });
}

/** Outreach campaigns send their template on WhatsApp's Graph API, with its conversation ids (one attempt per send). */
export function campaignsThroughWhatsApp(sampark: Sampark, settings: WhatsAppSettings, logger: Logger): void {
  sampark.outreach.sendThrough(whatsAppOutreachChannel(settings, logger));
}

/** Ticket updates and agent replies reach WhatsApp through its adapter (a template outside the 24 hours). */
export function noticesThroughWhatsApp(
  sampark: Sampark,
  whatsApp: { adapter: WhatsAppAdapter; conversations: ConversationReferenceStore },
): void {
  const fromBot = storedReference(sampark.services.conversations);
  sampark.notifier.register(WHATSAPP_CHANNEL_ID, {
    reference: async (channelId, id) => (await whatsApp.conversations.find(conversationKey(channelId, id)))?.reference ?? fromBot(channelId, id),
    deliver: (reference, message) => whatsApp.adapter.continueConversation(reference, async (turn) => void (await turn.sendActivity(message))),
  });
}

/** Looks a conversation's reference up where the bot keeps it (recorded when a ticket or an agent request is made). */
function storedReference(conversations: ConversationReferenceStore): ProactiveChannel['reference'] {
  return async (channelId, conversationId) => (await conversations.find(conversationKey(channelId, conversationId)))?.reference ?? null;
}
