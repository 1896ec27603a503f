import { BackendUnavailableError } from '../../../src/backend/meterBackend';
import { populationProfiles } from '../../../src/backend/simulator/population';
import { SimulatedMeterBackend, type OtpSentEvent } from '../../../src/backend/simulator/simulatedMeterBackend';

/** What the contract suite cannot see through HTTP: instance isolation, defaults, the knobs. */
describe('SimulatedMeterBackend', () => {
  const now = new Date('2025-03-03T04:30:00.000Z');

  it('keeps each instance to its own state', async () => {
    const first = new SimulatedMeterBackend({ now: () => now });
    const second = new SimulatedMeterBackend({ now: () => now });
    await first.requestReconnect('101000006');
    await expect(first.getMeterStatus('101000006')).resolves.toMatchObject({ relay: 'connected' });
    await expect(second.getMeterStatus('101000006')).resolves.toMatchObject({ relay: 'disconnected' });
  });

  it('hands out copies, so a caller cannot change its state by accident', async () => {
    const backend = new SimulatedMeterBackend({ now: () => now });
    const consumer = await backend.findConsumer('101000001');
    if (consumer) consumer.mobile = '9000000000';
    await expect(backend.findConsumer('101000001')).resolves.toMatchObject({ mobile: '9876500001' });
  });

  it('serves the crowd behind the demo consumers like any consumer, their changes kept', async () => {
    const backend = new SimulatedMeterBackend({ now: () => now, otpGenerator: () => '246810' });
    const crowd = populationProfiles().find((profile) => profile.consumer.mobile !== null)!.consumer;
    await expect(backend.findConsumer(crowd.caNumber)).resolves.toEqual(crowd);
    await expect(backend.getMeterStatus(crowd.caNumber)).resolves.toMatchObject({ caNumber: crowd.caNumber });
    expect((await backend.findConnectionsByMobile(crowd.mobile!)).map((c) => c.caNumber)).toEqual([crowd.caNumber]);

    const started = await backend.startMobileUpdate(crowd.caNumber, '9123400777');
    await backend.confirmMobileUpdate(started!.requestId, '246810');
    await expect(backend.findConnectionsByMobile(crowd.mobile!)).resolves.toEqual([]);
    const page = await backend.findTargets({ section: crowd.area.section }, String(Number(crowd.caNumber) - 1), 1);
    expect(page.targets[0]).toMatchObject({ caNumber: crowd.caNumber, mobile: '9123400777' });
  });

  it('fails the faulty consumer as a timeout', async () => {
    const backend = new SimulatedMeterBackend({ now: () => now });
    await expect(backend.getMeterStatus('101000099')).rejects.toMatchObject({ reason: 'timeout' });
    await expect(backend.getMeterStatus('101000099')).rejects.toBeInstanceOf(BackendUnavailableError);
  });

  it('sends a random 6-digit OTP by default, which confirms the update', async () => {
    const sent: OtpSentEvent[] = [];
    const backend = new SimulatedMeterBackend({ onOtpSent: (event) => sent.push(event) });
    const started = await backend.startMobileUpdate('101000008', '9123400008');
    const sixDigits = expect.stringMatching(/^\d{6}$/);
    expect(sent).toEqual([{ caNumber: '101000008', maskedMobile: '******0008', otp: sixDigits }]);
    await expect(backend.confirmMobileUpdate(started?.requestId ?? '', sent[0]?.otp ?? '')).resolves.toEqual({
      outcome: 'updated',
    });
  });

  it('honours the configured attempts and time to live', async () => {
    let clock = now;
    const backend = new SimulatedMeterBackend({
      now: () => clock,
      otpGenerator: () => '111111',
      otpMaxAttempts: 1,
      otpTtlMinutes: 2,
    });
    const locking = await backend.startMobileUpdate('101000001', '9123400001');
    const afterOneWrongOtp = await backend.confirmMobileUpdate(locking?.requestId ?? '', '222222');
    expect(afterOneWrongOtp).toEqual({ outcome: 'locked' });

    const expiring = await backend.startMobileUpdate('101000001', '9123400001');
    expect(expiring?.expiresAt).toBe('2025-03-03T04:32:00.000Z');
    clock = new Date('2025-03-03T04:32:00.000Z');
    const atExpiry = await backend.confirmMobileUpdate(expiring?.requestId ?? '', '111111');
    expect(atExpiry).toEqual({ outcome: 'expired' });
  });

  it('answers after the configured latency', async () => {
    const backend = new SimulatedMeterBackend({ now: () => now, latencyMs: 40 });
    const started = Date.now();
    await backend.findConsumer('101000001');
    expect(Date.now() - started).toBeGreaterThanOrEqual(35);
  });
});
