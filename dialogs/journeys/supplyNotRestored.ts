import { WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { Consumer, MeterStatus } from '../../src/backend/meterBackend';
import { languageOf } from '../../src/bot/turnState';
import { formatDateTime, formatMoney } from '../../src/i18n/format';
import type { Answer } from '../common/askDialog';
import { escalate } from '../common/escalation';
import { rememberAnswer } from '../common/followUps';
import { asksForComplaint } from '../../src/understanding/complaintRequest';
import { translate } from '../common/replies';
import { DialogIds } from '../dialogIds';
import type { DialogServices } from '../services';
import { tellPlannedOutage } from './powerOutage';
import { yesNoQuestion, type JourneyOptions } from './journeyOptions';

const ID = 'supply_not_restored';
const MINUTE = 60_000;

interface Values {
  consumer: Consumer;
}

/**
 * "Recharged but the light is not back": reads the meter and acts on what it shows: a negative
 * balance (how much more is needed), an open relay (reconnect; asked again after the wait, a
 * ticket), a silent meter (field ticket), or a meter that shows supply on (planned shutdown, or a
 * complaint for a visit).
 */
export function supplyNotRestoredDialogs(services: DialogServices) {
  return [
    new WaterfallDialog<JourneyOptions>(ID, [
      async (step) => step.beginDialog(DialogIds.consumer, { caNumber: step.options.entities.caNumber }),
      async (step) => {
        const consumer = step.result as Consumer | null;
        if (!consumer) return step.endDialog();
        (step.values as Values).consumer = consumer;
        const status = await services.backend.getMeterStatus(consumer.caNumber);
        if (!status) {
          await step.context.sendActivity(translate(services, step.context)('meter.noStatus'));
          return step.endDialog();
        }
        return act(step, consumer, status);
      },
      async (step) => {
        const answer = step.result as Answer<boolean>;
        if (answer.answered && answer.value) {
          await escalate(services, step.context, {
            category: 'other',
            consumer: (step.values as Values).consumer,
            description: 'Meter shows relay connected and communicating; consumer reports no supply at the premises.',
          });
        } else if (answer.answered) {
          await step.context.sendActivity(translate(services, step.context)('common.okay'));
        }
        return step.endDialog();
      },
    ]),
  ];

  async function act(step: WaterfallStepContext<JourneyOptions>, consumer: Consumer, status: MeterStatus) {
    const t = translate(services, step.context);
    const language = languageOf(step.context);
    if (!status.communicating) {
      await step.context.sendActivity(
        t('supply.notCommunicating', { lastCommunicationAt: formatDateTime(status.lastCommunicationAt, language) }),
      );
      await escalate(services, step.context, {
        category: 'meter_not_communicating',
        consumer,
        description: `Supply not restored; meter silent since ${formatDateTime(status.lastCommunicationAt, 'en')} IST.`,
      });
      return step.endDialog();
    }
    const session = await services.memory.sessionOf(step.context);
    if (status.balance <= 0) return negativeBalance(step, consumer, status);
    if (status.relay === 'disconnected' && (await reconnectOrEscalate(step, consumer, status.balance))) return step.endDialog();
    const sentAt = session.reconnectSentAt?.[consumer.caNumber];
    if (sentAt) {
      // The command reached the meter (its switch shows on) and the consumer still has no light: a visit.
      await step.context.sendActivity(t('supply.reconnectDidNotWork', { sentAt: formatDateTime(sentAt, language) }));
      await escalate(services, step.context, {
        category: 'relay_not_reconnecting',
        consumer,
        description: `Reconnect command sent at ${formatDateTime(sentAt, 'en')} IST; the meter shows the relay connected but the consumer still has no supply.`,
      });
      delete session.reconnectSentAt?.[consumer.caNumber];
      return step.endDialog();
    }
    if (await tellPlannedOutage(services, step.context, consumer.caNumber)) return step.endDialog();
    // "Light nahi hai, lineman bhejiye": the consumer asked for the visit already.
    if (asksForComplaint(step.context.activity.text ?? '')) return step.next({ answered: true, value: true } satisfies Answer<boolean>);
    return step.beginDialog(DialogIds.askConsent, yesNoQuestion('supply.meterShowsOn'));
  }

  /**
   * A negative balance: how much the recharge must exceed. A consumer who says they have already paid
   * is never told to pay before that payment is looked up: a payment found pending is explained
   * instead, and an unknown one is asked for by its reference.
   */
  async function negativeBalance(step: WaterfallStepContext<JourneyOptions>, consumer: Consumer, status: MeterStatus) {
    const t = translate(services, step.context);
    const language = languageOf(step.context);
    const session = await services.memory.sessionOf(step.context);
    const facts = { balance: formatMoney(status.balance, language), needed: formatMoney(-status.balance, language) };
    await rememberAnswer(services, step.context, { topic: 'negative_balance', caNumber: consumer.caNumber, needed: -status.balance });
    const looked = Object.values(session.paymentsLookedUp ?? {});
    if (looked.includes('pending')) {
      await step.context.sendActivity(t('supply.negativeWhilePaymentPending', facts));
      return step.endDialog();
    }
    // A payment reference given anywhere says a payment was made, as plainly as "recharge kiya".
    if ((session.saidPaid || session.paymentReference) && looked.length === 0) {
      await step.context.sendActivity(t('supply.negativeSaidPaid', facts));
      return step.replaceDialog('recharge_not_credited', { entities: { caNumber: consumer.caNumber } } satisfies JourneyOptions);
    }
    await step.context.sendActivity(t('supply.negativeBalance', facts));
    return step.endDialog();
  }

  /**
   * The first ask sends a reconnect command and says how long to wait; asking again before that
   * asks for patience; asking after it means the command did not work: a ticket. False when the
   * head-end says the relay is in fact connected, so the caller carries on as for a meter that is on.
   */
  async function reconnectOrEscalate(step: WaterfallStepContext<JourneyOptions>, consumer: Consumer, balance: number): Promise<boolean> {
    const t = translate(services, step.context);
    const language = languageOf(step.context);
    const session = await services.memory.sessionOf(step.context);
    const sentAt = session.reconnectSentAt?.[consumer.caNumber];
    const waitMs = services.policy.reconnectWaitMinutes * MINUTE;
    const now = services.now().getTime();
    if (sentAt && now - Date.parse(sentAt) < waitMs) {
      const until = new Date(Date.parse(sentAt) + waitMs);
      await step.context.sendActivity(t('supply.reconnectPending', { until: formatDateTime(until, language) }));
      return true;
    }
    if (sentAt) {
      await step.context.sendActivity(t('supply.reconnectDidNotWork', { sentAt: formatDateTime(sentAt, language) }));
      await escalate(services, step.context, {
        category: 'relay_not_reconnecting',
        consumer,
        description: `Reconnect command sent at ${formatDateTime(sentAt, 'en')} IST with a positive balance; relay still open.`,
      });
      delete session.reconnectSentAt?.[consumer.caNumber];
      return true;
    }
    const reconnect = await services.backend.requestReconnect(consumer.caNumber);
    switch (reconnect?.outcome) {
      case 'reconnect_sent': {
        const sentAt = services.now().toISOString();
        session.reconnectSentAt = { ...session.reconnectSentAt, [consumer.caNumber]: sentAt };
        const minutes = reconnect.expectedMinutes || services.policy.reconnectWaitMinutes;
        await rememberAnswer(services, step.context, { topic: 'reconnect_sent', caNumber: consumer.caNumber, sentAt, minutes });
        await step.context.sendActivity(t('supply.reconnectSent', { minutes, balance: formatMoney(balance, language) }));
        return true;
      }
      case 'not_communicating':
        await escalate(services, step.context, {
          category: 'meter_not_communicating',
          consumer,
          description: 'Reconnect refused by the head-end: meter not communicating.',
        });
        return true;
      default:
        return false;
    }
  }
}
