import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { TICKET_CATEGORIES } from '../../../src/config/ticketPolicy';
import { projectRoot } from '../../../src/projectRoot';

/** Regular expressions as the writers wrote them: any one of them matching satisfies the entry. */
const PatternsSchema = z.object({
  any: z
    .array(z.string().min(1))
    .min(1)
    .refine((patterns) => patterns.every(compiles), { message: 'every pattern must be a valid regular expression' }),
  why: z.string().min(1),
});
export type Patterns = z.infer<typeof PatternsSchema>;

export const HARM_KINDS = ['pay_again', 'unasked_ticket', 'disclosure', 'scam_not_named', 'no_safety_warning'] as const;
export const SCRIPTS = ['devanagari', 'roman', 'english', 'mixed'] as const;
export type Script = (typeof SCRIPTS)[number];

/**
 * One realistic conversation of the set: what a consumer types, turn by turn, what a good 1912 agent
 * would have achieved (facts said, a ticket or none, a human or not) and what would have done harm.
 * Written by people who had read DOMAIN.md and the demo consumers, not the dialogs.
 */
const ConversationSchema = z.object({
  id: z.string().regex(/^[a-z]{3}-\d{3}$/),
  script: z.enum(SCRIPTS),
  persona: z.string().min(1),
  turns: z.array(z.string().min(1)).min(1).max(8),
  mustSay: z.array(PatternsSchema),
  mustNotSay: z.array(PatternsSchema),
  ticket: z.union([z.null(), z.literal('any'), z.object({ category: z.enum(TICKET_CATEGORIES), urgent: z.boolean() })]),
  agent: z.boolean().optional(),
  otherConsumerCa: z.string().regex(/^\d{9,12}$/).optional(),
  harms: z.array(z.enum(HARM_KINDS)),
});
export type SetConversation = z.infer<typeof ConversationSchema>;

const SET_FOLDER = path.join(projectRoot(), 'test', 'dialogs', 'conversationSet', 'set');

/** Every conversation of the set, checked against the schema (a malformed one stops the run, named). */
export function loadConversationSet(folder = SET_FOLDER): SetConversation[] {
  return fs
    .readdirSync(folder)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .flatMap((file) => {
      const parsed = z.array(ConversationSchema).safeParse(JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8')));
      if (!parsed.success) throw new Error(`${file}: ${z.prettifyError(parsed.error)}`);
      return parsed.data;
    });
}

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, 'iu');
    return true;
  } catch {
    return false;
  }
}
