/** Ids of dialogs that other dialogs begin. Journeys use their intent id as their dialog id. */
export const DialogIds = {
  root: 'root',
  rootFlow: 'root.flow',
  menu: 'menu',
  consumer: 'consumer',
  askConsumerNumber: 'consumer.ask',
  askYesNo: 'ask.yesNo',
  backendDown: 'backend_down',
} as const;
