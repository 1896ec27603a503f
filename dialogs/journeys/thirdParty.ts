import { WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { extractEntities } from '../../src/nlu/entities';
import { readHardMoment } from '../../src/nlu/hardMoments';
import { AskDialog, type Answer } from '../common/askDialog';
import { escalate } from '../common/escalation';
import type { Parsed } from '../common/parsers';
import { translate } from '../common/replies';
import type { DialogServices } from '../services';
import type { JourneyOptions } from './journeyOptions';

const ID = 'third_party';
const ASK_PLACE = `${ID}.askPlace`;
const MAX_TEXT = 500;

function parsePlace(text: string): Parsed<string> {
  const place = text.trim();
  return place.length > 0 ? { ok: true, value: place.slice(0, MAX_TEXT) } : { ok: false, problem: 'theft.askPlace' };
}

interface Values {
  report: string;
  suspectCa?: string;
}

/**
 * Someone else's connection. Nothing about it is disclosed (DOMAIN "Safety lines"), and no line is cut
 * on a neighbour's word. Theft (katiya, hooking, a bypassed meter) is taken as a report that needs no
 * name: a field ticket for the section, routed by the suspected connection's area when its CA number
 * was given (the consumer learns nothing of it) and described by the place the reporter names.
 */
export function thirdPartyDialogs(services: DialogServices) {
  const { discomName: discom, helplineNumber: helpline } = services.policy;

  async function report(step: WaterfallStepContext<JourneyOptions>, place: string | null) {
    const values = step.values as Values;
    const suspect = values.suspectCa ? await services.backend.findConsumer(values.suspectCa) : null;
    await escalate(services, step.context, {
      category: 'other',
      consumer: null,
      caNumber: null,
      area: suspect?.area ?? null,
      urban: suspect?.urban ?? null,
      description: [
        `Electricity theft reported anonymously (hooking/katiya/bypass); for the section's anti-theft check: ${values.report}`,
        values.suspectCa ? `Suspected connection: CA ${values.suspectCa}.` : '',
        place ? `Place: ${place}` : '',
      ]
        .filter(Boolean)
        .join(' '),
    });
    await step.context.sendActivity(translate(services, step.context)('theft.recorded'));
    return step.endDialog();
  }

  const flow = new WaterfallDialog<JourneyOptions>(ID, [
    async (step) => {
      const t = translate(services, step.context);
      const text = step.context.activity.text ?? '';
      const suspectCa = step.options.entities.caNumber ?? extractEntities(text).caNumber;
      const moment = readHardMoment(text, suspectCa !== undefined);
      if (moment?.kind !== 'theft') {
        await step.context.sendActivity(t('thirdParty.noDetails'));
        const wantsLineCut = moment?.kind === 'third_party' && moment.wantsLineCut;
        await step.context.sendActivity(t(wantsLineCut ? 'thirdParty.noLineCut' : 'thirdParty.reachThem', { discom, helpline }));
        return step.endDialog();
      }
      const values = step.values as Values;
      values.report = text.trim().slice(0, MAX_TEXT);
      if (suspectCa) values.suspectCa = suspectCa;
      await step.context.sendActivity(t('theft.taken', { discom }));
      // The suspected connection's CA number already says where: its section gets the report now.
      if (suspectCa) return report(step, null);
      return step.beginDialog(ASK_PLACE, { key: 'theft.askPlace' });
    },
    async (step) => {
      const answer = step.result as Answer<string>;
      if (!answer.answered) return step.endDialog();
      return report(step, answer.value);
    },
  ]);
  return [flow, new AskDialog(ASK_PLACE, services, parsePlace, { freeText: true })];
}
