import { WaterfallDialog } from 'botbuilder-dialogs';
import { languageOf } from '../../src/bot/turnState';
import { formatDateTime, formatMoney } from '../../src/i18n/format';
import { translate } from '../common/replies';
import type { DialogServices } from '../services';

/** Journeys that only explain, with the discom's current policy values from config. */
export function informationDialogs(services: DialogServices) {
  const policy = services.policy;
  return [
    new WaterfallDialog('how_to_recharge', [
      async (step) => {
        const t = translate(services, step.context);
        const language = languageOf(step.context);
        // Never how to pay while a payment of this conversation is still on its way ("phir se recharge karein?").
        const last = (await services.memory.sessionOf(step.context)).lastAnswer;
        if (last?.topic === 'payment_pending') {
          const facts = { amount: formatMoney(last.amount, language), expectedBy: formatDateTime(last.expectedBy, language) };
          await step.context.sendActivity(t('howToRecharge.paymentPending', facts));
          return step.endDialog();
        }
        const minimum = formatMoney(policy.minRechargeAmount, language);
        await step.context.sendActivity(t('howToRecharge.explain', { minimum, discom: policy.discomName }));
        return step.endDialog();
      },
    ]),
    new WaterfallDialog('emergency_credit', [
      async (step) => {
        const t = translate(services, step.context);
        const amount = formatMoney(policy.emergencyCreditAmount, languageOf(step.context));
        await step.context.sendActivity(
          t('emergencyCredit.explain', {
            amount,
            days: policy.emergencyCreditDays,
            graceHours: policy.gracePeriodHours,
            friendlyHours: policy.friendlyHours,
          }),
        );
        return step.endDialog();
      },
    ]),
  ];
}
