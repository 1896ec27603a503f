import { WaterfallDialog } from 'botbuilder-dialogs';
import type { Consumer } from '../../src/backend/meterBackend';
import { languageOf } from '../../src/bot/turnState';
import { formatDateTime, formatMoney } from '../../src/i18n/format';
import { translate } from '../common/replies';
import { DialogIds } from '../dialogIds';
import type { DialogServices } from '../services';
import type { JourneyOptions } from './journeyOptions';

const ID = 'check_balance';

/** "Balance kitna hai": balance, last recharge, last reading time and the daily use. */
export function checkBalanceDialogs(services: DialogServices) {
  return [
    new WaterfallDialog<JourneyOptions>(ID, [
      async (step) => step.beginDialog(DialogIds.consumer, { caNumber: step.options.entities.caNumber }),
      async (step) => {
        const consumer = step.result as Consumer | null;
        if (!consumer) return step.endDialog();
        const status = await services.backend.getMeterStatus(consumer.caNumber);
        const t = translate(services, step.context);
        if (!status) {
          await step.context.sendActivity(t('meter.noStatus'));
          return step.endDialog();
        }
        const language = languageOf(step.context);
        const days = status.dailyConsumption;
        const averageAmount = days.length ? days.reduce((sum, day) => sum + day.amount, 0) / days.length : 0;
        const averageUnits = days.length ? days.reduce((sum, day) => sum + day.units, 0) / days.length : 0;
        const lines = [
          t('balance.summary', {
            balance: formatMoney(status.balance, language),
            readingAt: formatDateTime(status.lastCommunicationAt, language),
          }),
          status.lastRecharge
            ? t('balance.lastRecharge', {
                amount: formatMoney(status.lastRecharge.amount, language),
                at: formatDateTime(status.lastRecharge.at, language),
              })
            : t('balance.noRecharge'),
          t('balance.dailyUse', {
            units: averageUnits.toFixed(1),
            amount: formatMoney(averageAmount, language),
            days: days.length,
          }),
        ];
        if (status.balance <= 0) lines.push(t('balance.negative', { needed: formatMoney(-status.balance, language) }));
        else if (averageAmount > 0) lines.push(t('balance.lastsDays', { days: Math.floor(status.balance / averageAmount) }));
        if (!status.communicating) lines.push(t('balance.staleReading'));
        await step.context.sendActivity(lines.join('\n'));
        return step.endDialog();
      },
    ]),
  ];
}
