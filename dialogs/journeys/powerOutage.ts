import type { TurnContext } from 'botbuilder';
import { WaterfallDialog } from 'botbuilder-dialogs';
import type { Consumer } from '../../src/backend/meterBackend';
import { languageOf } from '../../src/bot/turnState';
import { formatDateTime } from '../../src/i18n/format';
import { escalate } from '../common/escalation';
import { translate } from '../common/replies';
import { DialogIds } from '../dialogIds';
import type { DialogServices } from '../services';
import type { JourneyOptions } from './journeyOptions';

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

/**
 * "The whole area is dark": a planned shutdown if there is one; a supply cut at the consumer's own
 * meter (a negative balance, an open switch, a meter out of touch) is the supply journey, not an
 * outage of the area; else an area outage ticket for the section.
 */
export function powerOutageDialogs(services: DialogServices) {
  return [
    new WaterfallDialog<JourneyOptions>(ID, [
      async (step) => step.beginDialog(DialogIds.consumer, { caNumber: step.options.entities.caNumber }),
      async (step) => {
        const consumer = step.result as Consumer | null;
        if (!consumer) return step.endDialog();
        if (await tellPlannedOutage(services, step.context, consumer.caNumber)) return step.endDialog();
        const status = await services.backend.getMeterStatus(consumer.caNumber);
        if (status && (status.balance <= 0 || status.relay === 'disconnected' || !status.communicating)) {
          return step.replaceDialog('supply_not_restored', { entities: { caNumber: consumer.caNumber } } satisfies JourneyOptions);
        }
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
