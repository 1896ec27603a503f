/**
 * What "now" is. Every rule that depends on the time (agent hours, friendly hours, sending windows, SLA
 * due times, reopen windows, token and session expiry, IST days) takes a clock from the composition
 * root instead of reading the machine's: tests and simulations decide the hour they run at.
 */
export type Clock = () => Date;

/** The machine's clock: what production runs on. Only composition roots and defaults name it. */
export const systemClock: Clock = () => new Date();
