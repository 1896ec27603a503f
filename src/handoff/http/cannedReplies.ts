import { z } from 'zod';
import type { Language } from '../../i18n/language';
import type { Translator } from '../../i18n/translator';

/** locales/<language>/agentConsole.json `canned`: reply id to text, in the order agents see them. */
const CannedSchema = z.record(z.string(), z.string().min(1));
/** locales/<language>/agentConsole.json `cannedFill`: how a name and a CA number read inside a reply. */
const FillSchema = z.object({ named: z.string(), unnamed: z.string(), ca: z.string(), noCa: z.string() });

/** Who the replies are for: the consumer's name to greet them by, their CA number; null when unknown. */
export interface CannedFor {
  name: string | null;
  caNumber: string | null;
}

/**
 * The ready replies an agent can send in the consumer's language, to edit before sending, with the
 * consumer's name and CA number written in ("Namaste Ramesh Kumar ji"), or the words a reply uses
 * when they are not known ("Hello there", "your connection").
 */
export function cannedReplies(translator: Translator, language: Language, consumer: CannedFor = { name: null, caNumber: null }): Array<{ id: string; text: string }> {
  const canned = CannedSchema.parse(translator.namespace(language, 'agentConsole').canned);
  const fill = FillSchema.parse(translator.namespace(language, 'agentConsole').cannedFill);
  const name = consumer.name ? fill.named.replaceAll('{{name}}', consumer.name) : fill.unnamed;
  const ca = consumer.caNumber ? fill.ca.replaceAll('{{ca}}', consumer.caNumber) : fill.noCa;
  return Object.entries(canned).map(([id, text]) => ({ id, text: text.replaceAll('{{name}}', name).replaceAll('{{ca}}', ca) }));
}
