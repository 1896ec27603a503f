import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// A full collection on demand, without starting node with --expose-gc (jest starts its own workers).
setFlagsFromString('--expose-gc');
export const collectGarbage = runInNewContext('gc') as () => void;

/** The heap in use after a full garbage collection: what is really kept, not what is waiting to be swept. */
export function heapUsedAfterCollection(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed;
}
