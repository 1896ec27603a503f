/** The intents of DOMAIN.md; every recognizer answers with one of these. */
export const INTENT_IDS = [
  'greeting',
  'recharge_not_credited',
  'supply_not_restored',
  'check_balance',
  'billing_query',
  'meter_fault',
  'update_mobile',
  'how_to_recharge',
  'emergency_credit',
  'complaint_status',
  'talk_to_agent',
  'power_outage',
  'fraud_report',
  /** Someone else's connection: their details, their line cut, theft on it. */
  'third_party',
  /** Done at the office or on the website: new connection, load or name change, tenants, where the CA number is. */
  'service_info',
  'change_language',
  'cancel',
  'help',
  'none',
] as const;

export type IntentId = (typeof INTENT_IDS)[number];

export function isIntentId(value: string): value is IntentId {
  return (INTENT_IDS as readonly string[]).includes(value);
}
