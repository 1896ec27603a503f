import { WaterfallDialog } from 'botbuilder-dialogs';
import { languageOf } from '../../src/bot/turnState';
import { formatMoney } from '../../src/i18n/format';
import { translate } from '../common/replies';
import type { DialogServices } from '../services';

/** Journeys that only explain, with the discom's current policy values from config. */
export function informationDialogs(services: DialogServices) {
  const policy = services.policy;
  return [
    new WaterfallDialog('how_to_recharge', [
      async (step) => {
        const t = translate(services, step.context);
        const minimum = formatMoney(policy.minRechargeAmount, languageOf(step.context));
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
