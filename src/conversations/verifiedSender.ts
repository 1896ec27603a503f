import type { TurnContext } from 'botbuilder';
import type { MobileNumber } from '../domain/mobileNumber';

/**
 * Kept in the turn's state under a Symbol that only this module holds. An activity arrives as JSON
 * (Direct Line posts, Bot Framework activities, channelData of any shape), and JSON cannot carry a
 * Symbol key, so no message from any channel can set it: only in-process code that calls
 * `setVerifiedMobile` can. The one caller is the WhatsApp adapter, for messages it took from a
 * webhook whose X-Hub-Signature-256 it checked (test/channels/whatsapp/verifiedSenderCallers.test.ts
 * fails if anything else calls it).
 */
const VERIFIED_MOBILE = Symbol('sampark.verifiedMobile');

/**
 * Records that the channel itself verified this turn's sender owns `mobile` (WhatsApp: the number
 * the message came from). Only channel adapters with such proof may call this.
 */
export function setVerifiedMobile(context: TurnContext, mobile: MobileNumber): void {
  context.turnState.set(VERIFIED_MOBILE, mobile);
}

/** The sender's mobile number as the channel verified it, or null when no channel vouched for one. */
export function verifiedMobileOf(context: TurnContext): MobileNumber | null {
  const mobile: unknown = context.turnState.get(VERIFIED_MOBILE);
  return typeof mobile === 'string' ? (mobile as MobileNumber) : null;
}

/**
 * Whether the channel verified this turn comes from `registeredMobile`, a connection's registered
 * number: its holder, not a stranger who knows the CA number. False when either is unknown.
 */
export function sentFromRegisteredMobile(context: TurnContext, registeredMobile: string | null): boolean {
  const verified = verifiedMobileOf(context);
  return verified !== null && registeredMobile !== null && verified === registeredMobile;
}
