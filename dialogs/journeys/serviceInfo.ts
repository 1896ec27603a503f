import { WaterfallDialog } from 'botbuilder-dialogs';
import { readHardMoment, type ServiceTopic } from '../../src/nlu/hardMoments';
import { rememberAnswer } from '../common/followUps';
import { translate } from '../common/replies';
import type { DialogServices } from '../services';
import type { JourneyOptions } from './journeyOptions';

/** When the model, not the rules, chose the journey and named no topic: where the CA number is, the commonest question. */
const DEFAULT_TOPIC: ServiceTopic = 'ca_number_where';

/**
 * What the bot cannot do in a chat but can say where it is done (new connection, load change, name
 * transfer, tenants) and where the CA number is printed: the answer, never a menu or a ticket. A
 * bereavement is met with a kind line first.
 */
export function serviceInfoDialogs(services: DialogServices) {
  const { discomName: discom, helplineNumber: helpline } = services.policy;
  return [
    new WaterfallDialog<JourneyOptions>('service_info', [
      async (step) => {
        const t = translate(services, step.context);
        const moment = readHardMoment(step.context.activity.text ?? '', Boolean(step.options.entities.caNumber));
        const topic = moment?.kind === 'service' ? moment.topic : DEFAULT_TOPIC;
        if (moment?.kind === 'service' && moment.bereaved) await step.context.sendActivity(t('service.condolence'));
        await step.context.sendActivity(t(`service.${topic}`, { discom, helpline }));
        await rememberAnswer(services, step.context, { topic: 'service', service: topic });
        return step.endDialog();
      },
    ]),
  ];
}
