import { signatureOf } from '../../../src/channels/whatsapp/webhookSignature';
import { FAKE_PHONE_NUMBER_ID } from './fakeGraphServer';

export const APP_SECRET = 'test-app-secret-0123456789abcdef';
export const VERIFY_TOKEN = 'test-verify-token';

/** The demo consumer whose mobile 9876500001 has connections 101000001 and 101000011. */
export const RAMESH = '919876500001';

let made = 0;
/** A wamid no other test message has. */
export function newWamid(): string {
  made += 1;
  return `wamid.TEST${Date.now().toString(36)}${String(made).padStart(5, '0')}`;
}

/** Unix seconds, as Meta writes timestamps. */
export function secondsOf(at: Date): string {
  return String(Math.floor(at.getTime() / 1000));
}

/** The common part of an incoming message; `body` is its type-specific part. */
export function message(from: string, type: string, body: Record<string, unknown>, options: { id?: string; at?: Date } = {}): Record<string, unknown> {
  return { from, id: options.id ?? newWamid(), timestamp: secondsOf(options.at ?? new Date()), type, ...body };
}

export const text = (from: string, body: string, options: { id?: string; at?: Date } = {}) => message(from, 'text', { text: { body } }, options);
export const buttonReply = (from: string, id: string, title: string) =>
  message(from, 'interactive', { interactive: { type: 'button_reply', button_reply: { id, title } } });
export const listReply = (from: string, id: string, title: string) =>
  message(from, 'interactive', { interactive: { type: 'list_reply', list_reply: { id, title, description: '' } } });

/** One change of field "messages" for our phone number, as its own entry. */
export function change(value: Record<string, unknown>, phoneNumberId = FAKE_PHONE_NUMBER_ID): Record<string, unknown> {
  return {
    id: '102290129340398',
    changes: [
      {
        field: 'messages',
        value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '15550783881', phone_number_id: phoneNumberId }, ...value },
      },
    ],
  };
}

/** The contacts array Meta sends with messages from these senders. */
export function contactsOf(messages: Array<Record<string, unknown>>): Array<Record<string, unknown>> {
  const senders = [...new Set(messages.map((item) => item.from).filter((from): from is string => typeof from === 'string'))];
  return senders.map((waId) => ({ profile: { name: 'Ramesh Kumar' }, wa_id: waId }));
}

/** A webhook carrying `messages` (and any statuses) in one entry. */
export function webhookOf(messages: Array<Record<string, unknown>>, statuses: Array<Record<string, unknown>> = []): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  if (messages.length > 0) Object.assign(value, { contacts: contactsOf(messages), messages });
  if (statuses.length > 0) value.statuses = statuses;
  return { object: 'whatsapp_business_account', entry: [change(value)] };
}

/** A status of one of our messages. */
export function status(
  wamid: string,
  state: string,
  options: { errors?: Array<{ code: number; title: string }>; at?: Date; callbackData?: string } = {},
): Record<string, unknown> {
  return {
    id: wamid,
    status: state,
    timestamp: secondsOf(options.at ?? new Date()),
    recipient_id: RAMESH,
    ...(options.errors ? { errors: options.errors } : {}),
    ...(options.callbackData ? { biz_opaque_callback_data: options.callbackData } : {}),
  };
}

/** POSTs a webhook as Meta does: the exact bytes, signed with the app secret (or a given signature). */
export async function postWebhook(
  baseUrl: string,
  payload: Record<string, unknown> | string,
  signing: { secret?: string; signature?: string | null } = {},
): Promise<Response> {
  const raw = Buffer.from(typeof payload === 'string' ? payload : JSON.stringify(payload), 'utf8');
  const signature = signing.signature === undefined ? signatureOf(raw, signing.secret ?? APP_SECRET) : signing.signature;
  return fetch(`${baseUrl}/api/whatsapp`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(signature === null ? {} : { 'x-hub-signature-256': signature }) },
    body: raw,
  });
}
