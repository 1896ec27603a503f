import { BackendUnavailableError, type MobileUpdateStart } from '../../../src/backend/meterBackend';
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

    const started = await backend.startMobileUpdate(crowd.caNumber, '9123400777', { kind: 'registered_mobile_otp' });
    if (started?.outcome !== 'otp_sent') throw new Error('no OTP sent');
    await backend.confirmMobileUpdate(started.requestId, { registeredMobile: '246810', newMobile: '246810' });
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
    const started = await backend.startMobileUpdate('101000001', '9123400008', { kind: 'registered_mobile_otp' });
    const sixDigits = expect.stringMatching(/^\d{6}$/);
    expect(sent).toEqual([
      { caNumber: '101000001', to: 'registered_mobile', maskedMobile: '******0001', otp: sixDigits },
      { caNumber: '101000001', to: 'new_mobile', maskedMobile: '******0008', otp: sixDigits },
    ]);
    const otps = { registeredMobile: sent[0]?.otp ?? '', newMobile: sent[1]?.otp ?? '' };
    const requestId = started?.outcome === 'otp_sent' ? started.requestId : '';
    await expect(backend.confirmMobileUpdate(requestId, otps)).resolves.toEqual({ outcome: 'updated', previousMobileNotified: true });
  });

  it('honours the configured attempts and time to live', async () => {
    let clock = now;
    const backend = new SimulatedMeterBackend({
      now: () => clock,
      otpGenerator: () => '111111',
      otpMaxAttempts: 1,
      otpTtlMinutes: 2,
    });
    const proof = { kind: 'registered_mobile_otp' } as const;
    const requestIdOf = (started: MobileUpdateStart | null) => (started?.outcome === 'otp_sent' ? started.requestId : '');
    const locking = requestIdOf(await backend.startMobileUpdate('101000001', '9123400001', proof));
    const afterOneWrongOtp = await backend.confirmMobileUpdate(locking, { registeredMobile: '111111', newMobile: '222222' });
    expect(afterOneWrongOtp).toEqual({ outcome: 'locked' });

    const expiring = await backend.startMobileUpdate('101000001', '9123400001', proof);
    expect(expiring).toMatchObject({ expiresAt: '2025-03-03T04:32:00.000Z' });
    clock = new Date('2025-03-03T04:32:00.000Z');
    const atExpiry = await backend.confirmMobileUpdate(requestIdOf(expiring), { registeredMobile: '111111', newMobile: '111111' });
    expect(atExpiry).toEqual({ outcome: 'expired' });
  });

  it('answers after the configured latency', async () => {
    const backend = new SimulatedMeterBackend({ now: () => now, latencyMs: 40 });
    const started = Date.now();
    await backend.findConsumer('101000001');
    expect(Date.now() - started).toBeGreaterThanOrEqual(35);
  });
});
