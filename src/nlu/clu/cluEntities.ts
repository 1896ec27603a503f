import { parseConsumerNumber } from '../../domain/consumerNumber';
import { toAsciiDigits } from '../../domain/digits';
import { parseMobileNumber } from '../../domain/mobileNumber';
import { parseTicketNumber } from '../../domain/ticketNumber';
import type { Entities } from '../recognizer';

/** What CLU tells about an entity that we use: its category and the text it covers. */
export interface CluEntity {
  category: string;
  text: string;
}

/** The identifying values a CLU project may learn to extract; the language is always ours. */
type CluEntityField = Exclude<keyof Entities, 'language'>;

/**
 * The entity categories a discom's CLU project may define, by the Entities field each fills. The
 * exported project declares none (our regular expressions already read all of them); a project that
 * adds these categories has them read here, each value checked by the same domain rules as ours.
 */
export const CLU_ENTITY_CATEGORIES: Readonly<Record<CluEntityField, string>> = {
  caNumber: 'CaNumber',
  amount: 'Amount',
  paymentReference: 'PaymentReference',
  mobile: 'Mobile',
  ticketNumber: 'TicketNumber',
};

const AMOUNT = /\d{1,3}(?:,\d{2,3})+(?:\.\d{1,2})?|\d+(?:\.\d{1,2})?/;
const PAYMENT_REFERENCE = /^(?=.*\d)[a-z0-9_]{6,35}$/i;

const READERS: Readonly<Record<CluEntityField, (text: string) => string | number | undefined>> = {
  caNumber: (text) => {
    const parsed = parseConsumerNumber(text);
    return parsed.ok ? parsed.value : undefined;
  },
  amount: (text) => {
    const match = AMOUNT.exec(toAsciiDigits(text));
    return match ? Number(match[0].replace(/,/g, '')) : undefined;
  },
  paymentReference: (text) => {
    const compact = toAsciiDigits(text).replace(/[\s-]/g, '');
    return PAYMENT_REFERENCE.test(compact) ? compact : undefined;
  },
  mobile: (text) => parseMobileNumber(text) ?? undefined,
  ticketNumber: (text) => parseTicketNumber(text) ?? undefined,
};

/**
 * Our entities with CLU's on top: a value CLU found (and that passes our checks) wins, because the
 * project may have been trained on forms our patterns miss; every other field stays ours.
 */
export function mergeCluEntities(ours: Entities, clu: readonly CluEntity[]): Entities {
  const merged: Entities = { ...ours };
  const found = new Set<CluEntityField>();
  for (const entity of clu) {
    const field = fieldOf(entity.category);
    if (!field || found.has(field)) continue;
    const value = READERS[field](entity.text);
    if (value === undefined) continue;
    found.add(field);
    Object.assign(merged, { [field]: value });
  }
  return merged;
}

function fieldOf(category: string): CluEntityField | undefined {
  const entry = Object.entries(CLU_ENTITY_CATEGORIES).find(([, name]) => name === category);
  return entry?.[0] as CluEntityField | undefined;
}
