import type { Dialog } from 'botbuilder-dialogs';
import type { IntentId } from '../../src/nlu/intents';
import type { DialogServices } from '../services';
import { backendDownDialogs } from './backendDown';
import { billingQueryDialogs } from './billingQuery';
import { changeLanguageDialogs } from './changeLanguage';
import { checkBalanceDialogs } from './checkBalance';
import { complaintStatusDialogs } from './complaintStatus';
import { fraudReportDialogs } from './fraudReport';
import { informationDialogs } from './information';
import { meterFaultDialogs } from './meterFault';
import { powerOutageDialogs } from './powerOutage';
import { rechargeNotCreditedDialogs } from './rechargeNotCredited';
import { serviceInfoDialogs } from './serviceInfo';
import { supplyNotRestoredDialogs } from './supplyNotRestored';
import { talkToAgentDialogs } from './talkToAgent';
import { thirdPartyDialogs } from './thirdParty';
import { updateMobileDialogs } from './updateMobile';

/** Intents that start a journey; each journey's dialog id is its intent id. */
export const JOURNEY_INTENTS = [
  'recharge_not_credited',
  'supply_not_restored',
  'check_balance',
  'billing_query',
  'meter_fault',
  'update_mobile',
  'complaint_status',
  'how_to_recharge',
  'power_outage',
  'talk_to_agent',
  'emergency_credit',
  'fraud_report',
  'third_party',
  'service_info',
  'change_language',
] as const satisfies readonly IntentId[];
export type JourneyIntent = (typeof JOURNEY_INTENTS)[number];

export function isJourney(intent: string): intent is JourneyIntent {
  return (JOURNEY_INTENTS as readonly string[]).includes(intent);
}

/** Every journey's dialogs, with the prompts they own. */
export function journeyDialogs(services: DialogServices): Dialog[] {
  return [
    ...rechargeNotCreditedDialogs(services),
    ...supplyNotRestoredDialogs(services),
    ...checkBalanceDialogs(services),
    ...billingQueryDialogs(services),
    ...meterFaultDialogs(services),
    ...updateMobileDialogs(services),
    ...complaintStatusDialogs(services),
    ...informationDialogs(services),
    ...powerOutageDialogs(services),
    ...talkToAgentDialogs(services),
    ...fraudReportDialogs(services),
    ...thirdPartyDialogs(services),
    ...serviceInfoDialogs(services),
    ...changeLanguageDialogs(services),
    ...backendDownDialogs(services),
  ];
}
