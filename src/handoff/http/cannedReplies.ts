import { z } from 'zod';
import type { Language } from '../../i18n/language';
import type { Translator } from '../../i18n/translator';

/** locales/<language>/agentConsole.json `canned`: reply id to text, in the order agents see them. */
const CannedSchema = z.record(z.string(), z.string().min(1));

/** The ready replies an agent can send in the consumer's language, to edit before sending. */
export function cannedReplies(translator: Translator, language: Language): Array<{ id: string; text: string }> {
  const canned = CannedSchema.parse(translator.namespace(language, 'agentConsole').canned);
  return Object.entries(canned).map(([id, text]) => ({ id, text }));
}
