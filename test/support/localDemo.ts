import type { Deployment } from '../../src/auth/staffSettings';

/** `npm start` with nothing configured: the simulator on 127.0.0.1, no proxy in front; the demo accounts are on. */
export const LOCAL_DEMO: Deployment = { host: '127.0.0.1', trustedProxy: false, simulatedBackend: true };
