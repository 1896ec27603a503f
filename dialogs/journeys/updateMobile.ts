import type { TurnContext } from 'botbuilder';
import { WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { Consumer, MobileUpdateOtps, MobileUpdateProof, OtpDestination } from '../../src/backend/meterBackend';
import { sentFromRegisteredMobile } from '../../src/conversations/verifiedSender';
import { maskMobile } from '../../src/domain/mask';
import { admitMobileUpdate, type MobileUpdateRefusal } from '../../src/limits/mobileUpdateLimits';
import { AskDialog, type Answer, type Question } from '../common/askDialog';
import { recognitionOf } from '../../src/bot/turnState';
import { parseMeterNumberAnswer, parseMobileAnswer, parseOtpAnswer, parseRegisteredPhoneAtHand, parseRupeeAnswer } from '../common/parsers';
import { translate } from '../common/replies';
import { DialogIds } from '../dialogIds';
import type { DialogServices } from '../services';
import { yesNoQuestion, type JourneyOptions } from './journeyOptions';

const ID = 'update_mobile';
const CHANGE = `${ID}.change`;
const CONFIRM = `${ID}.confirm`;
const ASK_MOBILE = `${ID}.askMobile`;
const ASK_METER = `${ID}.askMeter`;
const ASK_AMOUNT = `${ID}.askAmount`;
const ASK_OTP = `${ID}.askOtp`;
const ASK_OLD_PHONE = `${ID}.askOldPhone`;

/** One change being proved: the connection, the number replacing its mobile, and how it is proved. */
interface ChangeOptions {
  caNumber: string;
  newMobile: string;
  /** The number registered now, when it is the proof (its phone is at hand); null for the second proof. */
  registeredMobile: string | null;
}

interface ChangeValues {
  meterNumber?: string;
}

/** The OTPs of a started change, asked one at a time and confirmed together. */
interface ConfirmOptions {
  requestId: string;
  newMobile: string;
  registeredMobile: string | null;
  sentTo: OtpDestination[];
  /** OTPs typed so far; a wrong one is dropped and asked again. */
  typed: Partial<Record<OtpDestination, string>>;
  /** The question for each OTP still to type: the first ask, or a re-ask after a wrong one. */
  questions: Partial<Record<OtpDestination, Question>>;
}

/**
 * Changing the registered mobile (DOMAIN.md, `update_mobile`). An OTP to the new number proves only
 * that the requester holds it, never the right to change the connection, so a change also needs one
 * of: an OTP to the number registered now (its holder agrees), or, when that SIM is lost or no number
 * was ever registered, the meter number on the sticker and the last recharge amount, which the backend
 * checks. The backend tells the old number once the change is made. Attempts count per CA number and
 * OTPs per destination number in the shared rate limiter, so a stranger who knows only a CA number
 * cannot take the mobile over by trying from many conversations.
 */
export function updateMobileDialogs(services: DialogServices) {
  const t = (context: TurnContext) => translate(services, context);

  const flow = new WaterfallDialog<JourneyOptions>(ID, [
    async (step) => step.beginDialog(DialogIds.consumer, { caNumber: step.options.entities.caNumber }),
    async (step) => {
      const consumer = step.result as Consumer | null;
      if (!consumer) return step.endDialog();
      (step.values as { consumer: Consumer }).consumer = consumer;
      const current = consumer.mobile
        ? t(step.context)('mobile.current', { mobile: maskMobile(consumer.mobile) })
        : t(step.context)('mobile.noneRegistered');
      await step.context.sendActivity(current);
      // The new number may come with the CA number when it was asked for ("101000001, naya number 70912
      // 34567"); when the journey started with a CA number, this turn is the one that started it.
      const answeredNow = step.options.entities.caNumber ? undefined : recognitionOf(step.context)?.entities.mobile;
      const typed = step.options.entities.mobile ?? answeredNow;
      if (typed) return step.next({ answered: true, value: typed } satisfies Answer<string>);
      return step.beginDialog(ASK_MOBILE, { key: 'mobile.askNew' });
    },
    async (step) => {
      const answer = step.result as Answer<string>;
      if (!answer.answered) return step.endDialog();
      const values = step.values as { consumer: Consumer; newMobile: string };
      values.newMobile = answer.value;
      if (answer.value === values.consumer.mobile) {
        await step.context.sendActivity(t(step.context)('mobile.sameAsCurrent'));
        return step.endDialog();
      }
      if (!values.consumer.mobile) {
        await step.context.sendActivity(t(step.context)('mobile.proofIntroNoMobile'));
        return step.next({ answered: true, value: false } satisfies Answer<boolean>);
      }
      // Told already that the registered SIM is lost or closed: asking for that phone would only be asked back.
      if ((await services.memory.sessionOf(step.context)).registeredNumberGone) return step.next({ answered: true, value: false } satisfies Answer<boolean>);
      return step.beginDialog(ASK_OLD_PHONE, yesNoQuestion('mobile.askOldPhone', { mobile: maskMobile(values.consumer.mobile) }));
    },
    async (step) => {
      const answer = step.result as Answer<boolean>;
      if (!answer.answered) return step.endDialog();
      const { consumer, newMobile } = step.values as { consumer: Consumer; newMobile: string };
      const oldPhoneAtHand = answer.value && consumer.mobile !== null;
      if (!answer.value && consumer.mobile) await step.context.sendActivity(t(step.context)('mobile.proofIntroLostSim'));
      return step.beginDialog(CHANGE, {
        caNumber: consumer.caNumber,
        newMobile,
        registeredMobile: oldPhoneAtHand ? consumer.mobile : null,
      } satisfies ChangeOptions);
    },
  ]);

  /** Gathers the second proof where it is needed, checks the limits, and starts the change. */
  const change = new WaterfallDialog<ChangeOptions>(CHANGE, [
    async (step) => {
      if (step.options.registeredMobile) return step.next();
      return step.beginDialog(ASK_METER, { key: 'mobile.askMeterNumber' });
    },
    async (step) => {
      if (step.options.registeredMobile) return step.next();
      const meter = step.result as Answer<string | null>;
      if (!meter.answered) return step.endDialog();
      if (meter.value === null) return officeVerification(step);
      (step.values as ChangeValues).meterNumber = meter.value;
      return step.beginDialog(ASK_AMOUNT, { key: 'mobile.askLastRecharge' });
    },
    async (step) => {
      const { caNumber, newMobile, registeredMobile } = step.options;
      let proof: MobileUpdateProof = { kind: 'registered_mobile_otp' };
      if (!registeredMobile) {
        const amount = step.result as Answer<number | null>;
        if (!amount.answered) return step.endDialog();
        if (amount.value === null) return officeVerification(step);
        const { meterNumber = '' } = step.values as ChangeValues;
        proof = { kind: 'meter_and_last_recharge', meterNumber, lastRechargeAmount: amount.value };
      }
      const otpTo = registeredMobile ? [registeredMobile, newMobile] : [newMobile];
      const registeredSender = sentFromRegisteredMobile(step.context, registeredMobile) ? registeredMobile : null;
      const refusal = await admitMobileUpdate(services.limiter, services.policy.mobileUpdateLimits, caNumber, otpTo, registeredSender);
      if (refusal) return tooManyAttempts(step, refusal);

      const started = await services.backend.startMobileUpdate(caNumber, newMobile, proof);
      if (!started) {
        await step.context.sendActivity(t(step.context)('meter.noStatus'));
        return step.endDialog();
      }
      switch (started.outcome) {
        case 'proof_rejected':
          services.logger.info({ event: 'mobile_update_proof_rejected' }, 'meter number or last recharge did not match');
          await step.context.sendActivity(t(step.context)('mobile.proofRejected'));
          return step.replaceDialog(CHANGE, step.options);
        case 'no_registered_mobile':
          // The number went away since the lookup: the second proof is the way left.
          await step.context.sendActivity(t(step.context)('mobile.proofIntroNoMobile'));
          return step.replaceDialog(CHANGE, { ...step.options, registeredMobile: null } satisfies ChangeOptions);
        case 'otp_sent':
          return step.beginDialog(CONFIRM, firstAsk(step.options, started.requestId, started.sentTo));
      }
    },
  ]);

  /** The questions for the OTPs just sent; with two, says first where they went. */
  function firstAsk(options: ChangeOptions, requestId: string, sentTo: OtpDestination[]): ConfirmOptions {
    const minutes = services.policy.otpTtlMinutes;
    const mobile = maskMobile(options.newMobile);
    const questions: ConfirmOptions['questions'] = sentTo.includes('registered_mobile')
      ? {
          registered_mobile: {
            key: 'mobile.otpSentBoth',
            params: { registered: maskMobile(options.registeredMobile ?? ''), mobile, minutes },
          },
          new_mobile: { key: 'mobile.askNewOtp', params: { mobile } },
        }
      : { new_mobile: { key: 'mobile.otpSent', params: { mobile, minutes } } };
    return { requestId, newMobile: options.newMobile, registeredMobile: options.registeredMobile, sentTo, typed: {}, questions };
  }

  /** Asks each OTP still missing, then confirms them together; a wrong one is asked again while attempts last. */
  const confirm = new WaterfallDialog<ConfirmOptions>(CONFIRM, [
    async (step) => {
      const missing = step.options.sentTo.find((to) => step.options.typed[to] === undefined);
      if (!missing) return step.next();
      return step.beginDialog(ASK_OTP, step.options.questions[missing]);
    },
    async (step) => {
      const options = step.options;
      const missing = options.sentTo.find((to) => options.typed[to] === undefined);
      if (missing) {
        const answer = step.result as Answer<string>;
        if (!answer.answered) return step.endDialog();
        const typed = { ...options.typed, [missing]: answer.value };
        if (options.sentTo.some((to) => typed[to] === undefined)) return step.replaceDialog(CONFIRM, { ...options, typed });
        options.typed = typed;
      }
      const otps: MobileUpdateOtps = { newMobile: options.typed.new_mobile ?? '', registeredMobile: options.typed.registered_mobile };
      const outcome = await services.backend.confirmMobileUpdate(options.requestId, otps);
      const say = t(step.context);
      switch (outcome.outcome) {
        case 'updated':
          services.logger.info({ event: 'mobile_updated', proof: options.registeredMobile ? 'registered_mobile_otp' : 'meter_and_last_recharge' }, 'registered mobile changed after proof and OTP');
          await step.context.sendActivity(say('mobile.updated', { mobile: maskMobile(options.newMobile) }));
          if (outcome.previousMobileNotified) await step.context.sendActivity(say('mobile.previousTold'));
          return step.endDialog();
        case 'wrong_otp': {
          const typed = { ...options.typed };
          const questions = { ...options.questions };
          for (const to of outcome.wrong) {
            delete typed[to];
            questions[to] = reask(options, to, outcome.attemptsLeft);
          }
          return step.replaceDialog(CONFIRM, { ...options, typed, questions } satisfies ConfirmOptions);
        }
        case 'expired':
          await step.context.sendActivity(say('mobile.expired'));
          return step.endDialog();
        case 'locked':
          await step.context.sendActivity(say('mobile.locked', { helpline: services.policy.helplineNumber }));
          return step.endDialog();
      }
    },
  ]);

  /** With one OTP the wrong-OTP line is the question; with two it names the number whose OTP was wrong. */
  function reask(options: ConfirmOptions, to: OtpDestination, attemptsLeft: number): Question {
    if (options.sentTo.length === 1) return { key: 'mobile.wrongOtp', params: { attemptsLeft } };
    const number = to === 'registered_mobile' ? (options.registeredMobile ?? '') : options.newMobile;
    return { key: 'mobile.wrongOtpFor', params: { mobile: maskMobile(number), attemptsLeft } };
  }

  async function officeVerification(step: WaterfallStepContext<ChangeOptions>) {
    await step.context.sendActivity(t(step.context)('mobile.officeVerification', { helpline: services.policy.helplineNumber }));
    return step.endDialog();
  }

  async function tooManyAttempts(step: WaterfallStepContext<ChangeOptions>, refusal: MobileUpdateRefusal) {
    services.logger.warn({ event: 'mobile_update_limited', limited: refusal.limited }, 'mobile change refused by a rate limit');
    const hours = Math.max(1, Math.ceil(refusal.retryAfterSeconds / 3600));
    const say = t(step.context);
    const line =
      refusal.limited === 'connection'
        ? say('mobile.tooManyAttempts', { hours })
        : say('mobile.tooManyOtps', { mobile: maskMobile(refusal.mobile), hours });
    await step.context.sendActivity(line);
    return officeVerification(step);
  }

  return [
    flow,
    change,
    confirm,
    new AskDialog(ASK_MOBILE, services, parseMobileAnswer),
    new AskDialog(ASK_METER, services, parseMeterNumberAnswer),
    new AskDialog(ASK_AMOUNT, services, parseRupeeAnswer),
    new AskDialog(ASK_OTP, services, parseOtpAnswer),
    new AskDialog(ASK_OLD_PHONE, services, parseRegisteredPhoneAtHand),
  ];
}
