import { createHmac } from 'node:crypto';

/**
 * The conversation id of a WhatsApp sender: a keyed hash of their address, never the number itself.
 * Conversation ids go into logs, bot state keys and ticket contacts; a phone number must not, and a
 * plain hash of a 10-digit number is reversed by trying them all, hence the key.
 */
export function conversationIdFor(address: string, key: string): string {
  return `wa-${createHmac('sha256', key).update(address).digest('base64url').slice(0, 24)}`;
}
