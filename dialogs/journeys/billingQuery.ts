import { WaterfallDialog } from 'botbuilder-dialogs';
import type { Consumer, MeterStatus } from '../../src/backend/meterBackend';
import { languageOf } from '../../src/bot/turnState';
import { formatDate, formatMoney } from '../../src/i18n/format';
import type { Language } from '../../src/i18n/language';
import type { Translate } from '../../src/i18n/translator';
import { AskDialog, type Answer } from '../common/askDialog';
import { escalate } from '../common/escalation';
import { parseMeterTestConsent } from '../common/parsers';
import { asksForMeterTest } from '../../src/understanding/dispute';
import { translate } from '../common/replies';
import { DialogIds } from '../dialogIds';
import type { DialogServices } from '../services';
import { yesNoQuestion, type JourneyOptions } from './journeyOptions';

const ID = 'billing_query';
const ASK_METER_TEST = `${ID}.askMeterTest`;

interface Values {
  consumer: Consumer;
  /** "Meter tez chal raha, jaanch karwa dijiye": the test asked for in the message that started the journey. */
  testAsked: boolean;
}

/**
 * "Minus kaise hua", "fixed charge kat gaya": explains the deductions from the backend's breakdown,
 * then offers a meter test when the consumer has doubted the meter in this conversation.
 */
export function billingQueryDialogs(services: DialogServices) {
  return [
    new WaterfallDialog<JourneyOptions>(ID, [
      async (step) => {
        (step.values as Values).testAsked = asksForMeterTest(step.context.activity.text ?? '');
        return step.beginDialog(DialogIds.consumer, { caNumber: step.options.entities.caNumber });
      },
      async (step) => {
        const consumer = step.result as Consumer | null;
        if (!consumer) return step.endDialog();
        (step.values as Values).consumer = consumer;
        const status = await services.backend.getMeterStatus(consumer.caNumber);
        const t = translate(services, step.context);
        if (!status) {
          await step.context.sendActivity(t('meter.noStatus'));
          return step.endDialog();
        }
        await step.context.sendActivity(explainDeductions(t, status, languageOf(step.context)));
        // A meter test is offered to a consumer who doubts the meter, not to everyone asking about a deduction.
        if (!(await services.memory.sessionOf(step.context)).disputedMeter) return step.endDialog();
        // Asked for in so many words: the explanation first, then the test, without asking again.
        if ((step.values as Values).testAsked) return step.next({ answered: true, value: true } satisfies Answer<boolean>);
        return step.beginDialog(ASK_METER_TEST, yesNoQuestion('billing.offerMeterTest'));
      },
      async (step) => {
        const answer = step.result as Answer<boolean>;
        if (answer.answered && answer.value) {
          await escalate(services, step.context, {
            category: 'meter_test',
            consumer: (step.values as Values).consumer,
            description: 'Consumer disputes the meter reading and asks for a meter test (check meter).',
          });
        } else if (answer.answered) {
          await step.context.sendActivity(translate(services, step.context)('common.okay'));
        }
        return step.endDialog();
      },
    ]),
    new AskDialog(ASK_METER_TEST, services, parseMeterTestConsent),
  ];
}

/** The month's deductions by kind, then a line for each surprise the consumer may be asking about. */
function explainDeductions(t: Translate, status: MeterStatus, language: Language): string {
  const money = (amount: number) => formatMoney(amount, language);
  const month = status.monthToDate;
  const lines = [
    t('billing.monthToDate', {
      energy: money(month.energy),
      fixedCharge: money(month.fixedCharge),
      duty: money(month.duty),
      arrears: money(month.arrearsInstalment),
      total: money(month.energy + month.fixedCharge + month.duty + month.arrearsInstalment),
    }),
    t('billing.dailyDebit'),
  ];
  const fixed = status.recentDebits.find((debit) => debit.kind === 'fixed_charge');
  if (fixed) lines.push(t('billing.fixedChargeDebited', { amount: money(fixed.amount), on: formatDate(fixed.at, language) }));
  if (status.arrears) {
    lines.push(
      t('billing.arrears', { outstanding: money(status.arrears.outstanding), instalment: money(status.arrears.instalment) }),
    );
  }
  return lines.join('\n');
}
