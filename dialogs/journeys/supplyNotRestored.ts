import { WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { Consumer, MeterStatus } from '../../src/backend/meterBackend';
import { languageOf } from '../../src/bot/turnState';
import { formatDateTime, formatMoney } from '../../src/i18n/format';
import type { Answer } from '../common/askDialog';
import { escalate } from '../common/escalation';
import { translate } from '../common/replies';
import { DialogIds } from '../dialogIds';
import type { DialogServices } from '../services';
import { tellPlannedOutage } from './powerOutage';
import { yesNoQuestion, type JourneyOptions } from './journeyOptions';

const ID = 'supply_not_restored';

/** Which follow-up question the consumer is answering. */
type Pending = 'restored_after_reconnect' | 'report_no_supply';

interface Values {
  consumer: Consumer;
  pending: Pending;
}

/**
 * "Recharged but the light is not back": reads the meter and acts on what it shows: a negative
 * balance (how much more is needed), an open relay (reconnect, then confirm), a silent meter (field
 * ticket), or a meter that shows supply on (planned shutdown, or a complaint for a visit).
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
        const { consumer, pending } = step.values as Values;
        const t = translate(services, step.context);
        if (!answer.answered) return step.endDialog();
        if (pending === 'restored_after_reconnect') {
          if (answer.value) {
            await step.context.sendActivity(t('supply.glad'));
            return step.endDialog();
          }
          await escalate(services, step.context, {
            category: 'relay_not_reconnecting',
            consumer,
            description: 'Reconnect command sent with a positive balance; consumer reports supply still off.',
          });
          return step.endDialog();
        }
        if (answer.value) {
          await escalate(services, step.context, {
            category: 'other',
            consumer,
            description: 'Meter shows relay connected and communicating; consumer reports no supply at the premises.',
          });
        } else {
          await step.context.sendActivity(t('common.okay'));
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
        description: `Supply not restored; meter silent since ${status.lastCommunicationAt}.`,
      });
      return step.endDialog();
    }
    if (status.balance <= 0) {
      await step.context.sendActivity(
        t('supply.negativeBalance', {
          balance: formatMoney(status.balance, language),
          needed: formatMoney(-status.balance, language),
        }),
      );
      return step.endDialog();
    }
    if (status.relay === 'disconnected') {
      const reconnect = await services.backend.requestReconnect(consumer.caNumber);
      if (reconnect?.outcome === 'reconnect_sent') {
        (step.values as Values).pending = 'restored_after_reconnect';
        const minutes = reconnect.expectedMinutes || services.policy.reconnectWaitMinutes;
        return step.beginDialog(DialogIds.askYesNo, yesNoQuestion('supply.reconnectSent', { minutes }));
      }
      if (reconnect?.outcome === 'not_communicating') {
        await escalate(services, step.context, {
          category: 'meter_not_communicating',
          consumer,
          description: 'Reconnect refused by the head-end: meter not communicating.',
        });
        return step.endDialog();
      }
    }
    if (await tellPlannedOutage(services, step.context, consumer.caNumber)) return step.endDialog();
    (step.values as Values).pending = 'report_no_supply';
    return step.beginDialog(DialogIds.askYesNo, yesNoQuestion('supply.meterShowsOn'));
  }
}
