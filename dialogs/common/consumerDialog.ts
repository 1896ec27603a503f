import type { TurnContext } from 'botbuilder';
import { WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { Consumer } from '../../src/backend/meterBackend';
import { verifiedMobileOf } from '../../src/conversations/verifiedSender';
import { parseConsumerNumber } from '../../src/domain/consumerNumber';
import { maskConsumerNumber, maskName } from '../../src/domain/mask';
import { DialogIds } from '../dialogIds';
import type { DialogServices } from '../services';
import { AskDialog, type Answer, type Question } from './askDialog';
import { parseConsumerNumberAnswer, parseYesNo, simplify, type Parsed } from './parsers';
import { translate } from './replies';
import { lookupAdmitted } from './lookupLimited';

/** Options of the consumer dialog. */
export interface ConsumerOptions {
  /** A CA number the consumer already typed in their message. */
  caNumber?: string;
  /** Set when the dialog loops after an unknown number. */
  retry?: { unknownNumbers: number; question: Question };
}

/** An unknown CA number is asked again this many times before the dialog gives up. */
const UNKNOWN_NUMBER_RETRIES = 2;

/** The question offering the connections registered to the sender's verified number. */
const OFFER_CONNECTIONS = 'consumer.offer';

/** The offer's answer when the consumer wants to give another CA number. */
const ANOTHER_NUMBER = 'another';

/** "Another number" as consumers type it, besides the button's own title in either language. */
const ANOTHER_WORDS = ['another', 'another number', 'other', 'other number', 'different number', 'dusra', 'doosra', 'dusra number', 'doosra number', 'दूसरा', 'दूसरा नंबर', 'अन्य', 'अन्य नंबर'];

/** How a connection is shown: enough to recognise it, masked like every personal detail. */
function connectionLabel(consumer: Consumer): string {
  return `CA ${maskConsumerNumber(consumer.caNumber)}, ${maskName(consumer.name)}`;
}

/**
 * Finds the consumer a journey is about: the CA number typed in the message, else the one given
 * earlier in this conversation, else, when the channel verified the sender's mobile number
 * (WhatsApp), the connections registered to that number offered as buttons with "another number";
 * else asked for. Only the verified number's own connections are ever offered. Ends with the
 * Consumer, or null.
 */
export function consumerDialogs(services: DialogServices) {
  const ask = new AskDialog(DialogIds.askConsumerNumber, services, parseConsumerNumberAnswer);
  const another = (['hi', 'en'] as const).map((language) => simplify(services.translator.forLanguage(language)('consumer.anotherNumber')));
  const anotherWords = new Set([...ANOTHER_WORDS.map(simplify), ...another]);

  /** The sender's own connections, looked up again for an answer by number ("2") or by yes/no. */
  async function connectionsOf(context: TurnContext): Promise<Consumer[]> {
    const mobile = verifiedMobileOf(context);
    return mobile ? services.backend.findConnectionsByMobile(mobile) : [];
  }

  const offer = new AskDialog<string>(OFFER_CONNECTIONS, services, async (text, context): Promise<Parsed<string>> => {
    const typed = parseConsumerNumber(text);
    if (typed.ok) return { ok: true, value: typed.value };
    const answer = simplify(text);
    if (anotherWords.has(answer)) return { ok: true, value: ANOTHER_NUMBER };
    const connections = await connectionsOf(context);
    const byLabel = connections.find((consumer) => simplify(connectionLabel(consumer)) === answer);
    if (byLabel) return { ok: true, value: byLabel.caNumber };
    if (/^\d{1,2}$/.test(answer)) {
      const picked = connections[Number(answer) - 1];
      if (picked) return { ok: true, value: picked.caNumber };
      if (Number(answer) === connections.length + 1) return { ok: true, value: ANOTHER_NUMBER };
    }
    const yesNo = connections.length === 1 ? parseYesNo(text) : null;
    if (yesNo?.ok) return { ok: true, value: yesNo.value ? connections[0]!.caNumber : ANOTHER_NUMBER };
    return { ok: false, problem: 'consumer.pickConnection' };
  });

  const lookup = new WaterfallDialog<ConsumerOptions>(DialogIds.consumer, [
    async (step) => {
      if (step.options.retry) return step.beginDialog(DialogIds.askConsumerNumber, step.options.retry.question);
      const session = await services.memory.sessionOf(step.context);
      const known = step.options.caNumber ?? session.caNumber;
      if (known) return step.next({ answered: true, value: known } satisfies Answer<string>);
      const connections = await connectionsOf(step.context);
      if (connections.length > 0) return step.beginDialog(OFFER_CONNECTIONS, offerQuestion(connections));
      return step.beginDialog(DialogIds.askConsumerNumber, { key: 'consumer.ask' } satisfies Question);
    },
    async (step) => {
      const answer = step.result as Answer<string>;
      if (answer.answered && answer.value === ANOTHER_NUMBER) {
        return step.beginDialog(DialogIds.askConsumerNumber, { key: 'consumer.ask' } satisfies Question);
      }
      return step.next(answer);
    },
    async (step) => {
      const answer = step.result as Answer<string>;
      if (!answer.answered) return step.endDialog(null);
      if (!(await lookupAdmitted(services, step.context, answer.value))) return step.endDialog(null);
      const consumer = await services.backend.findConsumer(answer.value);
      if (consumer) return confirmed(step, consumer);

      const unknownNumbers = (step.options.retry?.unknownNumbers ?? 0) + 1;
      if (unknownNumbers > UNKNOWN_NUMBER_RETRIES) {
        await step.context.sendActivity(
          translate(services, step.context)('consumer.notFoundGiveUp', { caNumber: answer.value }),
        );
        return step.endDialog(null);
      }
      const question: Question = { key: 'consumer.notFound', params: { caNumber: answer.value } };
      return step.replaceDialog(DialogIds.consumer, { retry: { unknownNumbers, question } } satisfies ConsumerOptions);
    },
  ]);

  async function confirmed(step: WaterfallStepContext<ConsumerOptions>, consumer: Consumer) {
    const session = await services.memory.sessionOf(step.context);
    session.caNumber = consumer.caNumber;
    await step.context.sendActivity(
      translate(services, step.context)('consumer.found', {
        caNumber: consumer.caNumber,
        name: maskName(consumer.name),
      }),
    );
    return step.endDialog(consumer);
  }

  return [ask, offer, lookup];
}

/** "Is this about CA 1010xxx01, R***** K****?" for one connection; a numbered list for several. */
function offerQuestion(connections: Consumer[]): Question {
  const labels = connections.map(connectionLabel);
  return connections.length === 1
    ? { key: 'consumer.offerOne', params: { label: labels[0] }, buttonTitles: labels, buttonKeys: ['consumer.anotherNumber'] }
    : {
        key: 'consumer.offerMany',
        params: { options: labels.map((label, index) => `${index + 1}. ${label}`).join('\n') },
        buttonTitles: labels,
        buttonKeys: ['consumer.anotherNumber'],
      };
}
