/**
 * The wait told to a queued consumer: their place times the configured average handling time
 * (AGENT_AVERAGE_HANDLING_MINUTES), rounded up to whole minutes. A configured figure rather than a
 * measured one: the queue does not know how many agents are free, and an average measured over a quiet
 * hour would promise a wait the busy hour cannot keep.
 */
export function expectedWaitMinutes(position: number, averageHandlingMinutes: number): number {
  return Math.max(1, Math.ceil(position * averageHandlingMinutes));
}
