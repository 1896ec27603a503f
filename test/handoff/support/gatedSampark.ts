import { createSampark, type Sampark } from '../../../src/app';
import { SimulatedMeterBackend } from '../../../src/backend/simulator/simulatedMeterBackend';
import { loadConfig } from '../../../src/config/config';
import type { HandoffService } from '../../../src/handoff/handoffService';
import type { HandoffStore } from '../../../src/handoff/handoffStore';
import { MemoryHandoffStore } from '../../../src/handoff/memoryHandoffStore';
import { silentLogger } from '../../../src/log/logger';
import { TEST_NOW, TEST_OTP } from '../../support/conversation';

/** A Sampark on the test clock whose handoff state lives in `store`. */
export async function gatedSampark(store: HandoffStore = new MemoryHandoffStore()): Promise<{ sampark: Sampark; handoff: HandoffService }> {
  const now = () => TEST_NOW;
  const sampark = await createSampark(loadConfig({}), silentLogger(), {
    now,
    backend: new SimulatedMeterBackend({ now, otpGenerator: () => TEST_OTP }),
    handoff: store,
  });
  return { sampark, handoff: sampark.handoff };
}
