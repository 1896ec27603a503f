/** Ids of dialogs that other dialogs begin. Journeys use their intent id as their dialog id. */
export const DialogIds = {
  root: 'root',
  rootFlow: 'root.flow',
  menu: 'menu',
  consumer: 'consumer',
  askConsumerNumber: 'consumer.ask',
  askYesNo: 'ask.yesNo',
  /** A yes/no offer that opens a ticket or changes something: only a clear yes takes it, not "ok" or "👍". */
  askConsent: 'ask.consent',
  backendDown: 'backend_down',
} as const;
