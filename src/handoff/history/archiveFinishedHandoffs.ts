import type { Logger } from '../../log/logger';
import type { HandoffStatus } from '../handoffRecord';
import type { HandoffService } from '../handoffService';
import type { HandoffArchive } from './handoffArchive';

/** How a request ends: an agent resolved it, nobody took it in time, or the consumer withdrew it. */
const FINISHED: readonly HandoffStatus[] = ['resolved', 'expired', 'cancelled'];

/** Keeps every request as it ends, for the consumer's history; one not kept costs history, never the change. */
export function archiveFinishedHandoffs(handoff: HandoffService, archive: HandoffArchive, logger: Logger): void {
  handoff.onChange(({ before, record }) => {
    if (!FINISHED.includes(record.status) || before?.status === record.status) return;
    archive.keep(record).catch((error: unknown) => logger.warn({ err: error }, 'finished handoff not archived'));
  });
}
