import { WaterfallDialog } from 'botbuilder-dialogs';
import type { Consumer } from '../../src/backend/meterBackend';
import { maskMobile } from '../../src/domain/mask';
import { AskDialog, type Answer } from '../common/askDialog';
import { parseMobileAnswer, parseOtpAnswer } from '../common/parsers';
import { translate } from '../common/replies';
import { DialogIds } from '../dialogIds';
import type { DialogServices } from '../services';
import type { JourneyOptions } from './journeyOptions';

const ID = 'update_mobile';
const ASK_MOBILE = `${ID}.askMobile`;
const ASK_OTP = `${ID}.askOtp`;
const CONFIRM = `${ID}.confirm`;

interface ConfirmOptions {
  requestId: string;
  newMobile: string;
  /** The question to ask: the first OTP request or a retry after a wrong one. */
  question: { key: string; params?: Record<string, unknown> };
}

/**
 * Changing the registered mobile: verify the CA, take the new number, have the backend send an OTP
 * to it, and change nothing until that OTP is confirmed. A lost old SIM does not skip the OTP:
 * the OTP goes to the new number, which proves the consumer holds it.
 */
export function updateMobileDialogs(services: DialogServices) {
  const flow = new WaterfallDialog<JourneyOptions>(ID, [
    async (step) => step.beginDialog(DialogIds.consumer, { caNumber: step.options.entities.caNumber }),
    async (step) => {
      const consumer = step.result as Consumer | null;
      if (!consumer) return step.endDialog();
      (step.values as { consumer: Consumer }).consumer = consumer;
      const current = consumer.mobile
        ? translate(services, step.context)('mobile.current', { mobile: maskMobile(consumer.mobile) })
        : translate(services, step.context)('mobile.noneRegistered');
      await step.context.sendActivity(current);
      const typed = step.options.entities.mobile;
      if (typed) return step.next({ answered: true, value: typed } satisfies Answer<string>);
      return step.beginDialog(ASK_MOBILE, { key: 'mobile.askNew' });
    },
    async (step) => {
      const answer = step.result as Answer<string>;
      if (!answer.answered) return step.endDialog();
      const { consumer } = step.values as { consumer: Consumer };
      const t = translate(services, step.context);
      if (answer.value === consumer.mobile) {
        await step.context.sendActivity(t('mobile.sameAsCurrent'));
        return step.endDialog();
      }
      const started = await services.backend.startMobileUpdate(consumer.caNumber, answer.value);
      if (!started) {
        await step.context.sendActivity(t('meter.noStatus'));
        return step.endDialog();
      }
      const question = {
        key: 'mobile.otpSent',
        params: { mobile: maskMobile(answer.value), minutes: services.policy.otpTtlMinutes },
      };
      return step.beginDialog(CONFIRM, { requestId: started.requestId, newMobile: answer.value, question } satisfies ConfirmOptions);
    },
  ]);

  /** Loops on a wrong OTP while the backend allows more attempts. */
  const confirm = new WaterfallDialog<ConfirmOptions>(CONFIRM, [
    async (step) => step.beginDialog(ASK_OTP, step.options.question),
    async (step) => {
      const answer = step.result as Answer<string>;
      if (!answer.answered) return step.endDialog();
      const t = translate(services, step.context);
      const outcome = await services.backend.confirmMobileUpdate(step.options.requestId, answer.value);
      switch (outcome.outcome) {
        case 'updated':
          services.logger.info({ event: 'mobile_updated' }, 'registered mobile changed after OTP');
          await step.context.sendActivity(t('mobile.updated', { mobile: maskMobile(step.options.newMobile) }));
          return step.endDialog();
        case 'wrong_otp':
          return step.replaceDialog(CONFIRM, {
            ...step.options,
            question: { key: 'mobile.wrongOtp', params: { attemptsLeft: outcome.attemptsLeft } },
          } satisfies ConfirmOptions);
        case 'expired':
          await step.context.sendActivity(t('mobile.expired'));
          return step.endDialog();
        case 'locked':
          await step.context.sendActivity(t('mobile.locked', { helpline: services.policy.helplineNumber }));
          return step.endDialog();
      }
    },
  ]);

  return [flow, confirm, new AskDialog(ASK_MOBILE, services, parseMobileAnswer), new AskDialog(ASK_OTP, services, parseOtpAnswer)];
}
