import type { TurnContext } from 'botbuilder';
import { WaterfallDialog } from 'botbuilder-dialogs';
import type { Consumer } from '../../src/backend/meterBackend';
import { languageOf } from '../../src/bot/turnState';
import { formatDateTime } from '../../src/i18n/format';
import { readHardMoment } from '../../src/nlu/hardMoments';
import { escalate } from '../common/escalation';
import { translate } from '../common/replies';
import { DialogIds } from '../dialogIds';
import type { DialogServices } from '../services';
import { yesNoQuestion, type JourneyOptions } from './journeyOptions';
import type { Answer } from '../common/askDialog';
import { mentionsArea } from '../../src/understanding/area';

const ID = 'power_outage';

/** Tells a planned shutdown of the consumer's section, if the backend knows one; true when it did. */
export async function tellPlannedOutage(services: DialogServices, context: TurnContext, caNumber: string): Promise<boolean> {
  const outage = await services.backend.findPlannedOutage(caNumber);
  if (!outage) return false;
  const language = languageOf(context);
  await context.sendActivity(
    translate(services, context)('outage.planned', {
      from: formatDateTime(outage.from, language),
      until: formatDateTime(outage.until, language),
      reason: outage.reason,
    }),
  );
  return true;
}

interface Values {
  consumer: Consumer;
  danger: 'line' | 'transformer' | null;
  /** The consumer's first words, for the field team. */
  said: string;
}

/** A fallen wire or a transformer on fire: the safety line comes before anything else, and the ticket is urgent. */
function dangerIn(text: string): 'line' | 'transformer' | null {
  const moment = readHardMoment(text);
  return moment?.kind === 'danger' && (moment.hazard === 'line' || moment.hazard === 'transformer') ? moment.hazard : null;
}

/**
 * "The whole area is dark": a planned shutdown if there is one; a supply cut at the consumer's own
 * meter (a negative balance, an open switch, a meter out of touch) is the supply journey, not an
 * outage of the area; else an area outage ticket for the section. A fallen wire or a burning
 * transformer is warned about first and always ticketed, urgent.
 */
export function powerOutageDialogs(services: DialogServices) {
  return [
    new WaterfallDialog<JourneyOptions>(ID, [
      async (step) => {
        const danger = dangerIn(step.context.activity.text ?? '');
        Object.assign(step.values as Values, { danger, said: (step.context.activity.text ?? '').slice(0, 300) });
        if (danger) {
          await step.context.sendActivity(
            translate(services, step.context)(`outage.${danger}Safety`, { helpline: services.policy.helplineNumber }),
          );
        }
        return step.beginDialog(DialogIds.consumer, { caNumber: step.options.entities.caNumber });
      },
      async (step) => {
        const consumer = step.result as Consumer | null;
        if (!consumer) return step.endDialog();
        const { danger, said } = step.values as Values;
        if (danger) {
          await escalate(services, step.context, {
            category: 'area_outage',
            consumer,
            description: `DANGER: ${danger === 'line' ? 'a fallen or broken live wire' : 'a transformer on fire or sparking'} reported in section ${consumer.area.section}: ${said}`,
            safety: true,
          });
          return step.endDialog();
        }
        if (await tellPlannedOutage(services, step.context, consumer.caNumber)) return step.endDialog();
        const status = await services.backend.getMeterStatus(consumer.caNumber);
        if (status && (status.balance <= 0 || status.relay === 'disconnected' || !status.communicating)) {
          return step.replaceDialog('supply_not_restored', { entities: { caNumber: consumer.caNumber } } satisfies JourneyOptions);
        }
        (step.values as Values).consumer = consumer;
        // An outage of the whole area is recorded at once when the consumer said so; a cut they may
        // have at home alone is asked about first, since the ticket sends a team to the section.
        if (!mentionsArea(said)) return step.beginDialog(DialogIds.askConsent, yesNoQuestion('outage.askArea'));
        return step.next({ answered: true, value: true } satisfies Answer<boolean>);
      },
      async (step) => {
        const { consumer } = step.values as Values;
        const answer = step.result as Answer<boolean>;
        if (!answer.answered) return step.endDialog();
        if (!answer.value) return step.replaceDialog('supply_not_restored', { entities: { caNumber: consumer.caNumber } } satisfies JourneyOptions);
        await step.context.sendActivity(translate(services, step.context)('outage.recording'));
        await escalate(services, step.context, {
          category: 'area_outage',
          consumer,
          description: `Area outage reported in section ${consumer.area.section}.`,
        });
        return step.endDialog();
      },
    ]),
  ];
}
