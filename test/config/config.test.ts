import { ConfigError, loadConfig } from '../../src/config/config';
import { DEFAULT_SLA_HOURS, DEFAULT_TICKET_LIFECYCLE_POLICY } from '../../src/config/ticketPolicy';

describe('loadConfig', () => {
  it('runs on the embedded defaults with an empty environment', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3978);
    expect(config.host).toBe('127.0.0.1');
    expect(config.redisUrl).toBeUndefined();
    expect(config.backend.url).toBeUndefined();
    expect(config.policy.slaHours).toEqual(DEFAULT_SLA_HOURS);
  });

  it('limits request bodies to 256 KiB, 15 s and 64 levels of JSON unless told otherwise, and names a bad limit', () => {
    expect(loadConfig({}).requestBodies).toEqual({ maxBytes: 256 * 1024, timeoutMs: 15_000, maxDepth: 64 });
    const set = loadConfig({ REQUEST_BODY_MAX_KIB: '512', REQUEST_BODY_TIMEOUT_MS: '5000', REQUEST_JSON_MAX_DEPTH: '32' });
    expect(set.requestBodies).toEqual({ maxBytes: 512 * 1024, timeoutMs: 5000, maxDepth: 32 });
    for (const [name, value] of [['REQUEST_BODY_MAX_KIB', '4'], ['REQUEST_BODY_TIMEOUT_MS', '0'], ['REQUEST_JSON_MAX_DEPTH', '100000']]) {
      expect(() => loadConfig({ [name!]: value })).toThrow(name);
    }
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', BACKEND_URL: '' }).port).toBe(3978);
  });

  it('reads policy values and the SLA table', () => {
    const sla = { ...DEFAULT_SLA_HOURS, meter_test: { urban: 100, rural: 110 } };
    const config = loadConfig({ PAYMENT_STUCK_HOURS: '12', SLA_HOURS: JSON.stringify(sla), PORT: '8080' });
    expect(config.policy.paymentStuckHours).toBe(12);
    expect(config.policy.slaHours.meter_test).toEqual({ urban: 100, rural: 110 });
    expect(config.port).toBe(8080);
  });

  it('reads the mobile-change limits as COUNT/WINDOW, five a day each when unset, and names a bad one', () => {
    expect(loadConfig({}).policy.mobileUpdateLimits).toEqual({
      perCa: { limit: 5, windowSeconds: 86_400 },
      otpsPerMobile: { limit: 5, windowSeconds: 86_400 },
    });
    const config = loadConfig({ MOBILE_UPDATE_LIMIT_PER_CA: '3/12h', OTP_LIMIT_PER_MOBILE: '10/1d' });
    expect(config.policy.mobileUpdateLimits).toEqual({
      perCa: { limit: 3, windowSeconds: 43_200 },
      otpsPerMobile: { limit: 10, windowSeconds: 86_400 },
    });
    expect(() => loadConfig({ OTP_LIMIT_PER_MOBILE: 'often' })).toThrow(/OTP_LIMIT_PER_MOBILE/);
  });

  it('reads the look-up limits per conversation and per web chat source, ten a day and thirty an hour when unset', () => {
    expect(loadConfig({}).policy.lookupLimits).toEqual({
      perConversation: { limit: 10, windowSeconds: 86_400 },
      perSource: { limit: 30, windowSeconds: 3600 },
    });
    expect(loadConfig({ CONSUMER_LOOKUP_LIMIT_PER_SOURCE: '100/1d' }).policy.lookupLimits.perSource).toEqual({ limit: 100, windowSeconds: 86_400 });
    expect(() => loadConfig({ CONSUMER_LOOKUP_LIMIT_PER_SOURCE: '100' })).toThrow(/CONSUMER_LOOKUP_LIMIT_PER_SOURCE/);
  });

  it('reads the ticket reopen and outage-link windows, the lifecycle defaults when unset', () => {
    expect(loadConfig({}).policy.ticketLifecycle).toEqual(DEFAULT_TICKET_LIFECYCLE_POLICY);
    expect(loadConfig({ TICKET_REOPEN_WINDOW_HOURS: '24', OUTAGE_LINK_WINDOW_MINUTES: '90' }).policy.ticketLifecycle).toEqual({
      reopenWindowHours: 24,
      outageLinkWindowMinutes: 90,
    });
  });

  it('reads the call centre\'s hours, wait and handling time, and how long finished handoffs are kept', () => {
    const defaults = loadConfig({ BACKEND_URL: 'https://backend.example.in' });
    expect([defaults.policy.agentHours, defaults.policy.agentMaxWaitMinutes, defaults.policy.agentAverageHandlingMinutes]).toEqual(['08:00-20:00', 15, 6]);
    expect(defaults.handoffRecordTtlDays).toBe(30);
    const set = loadConfig({ AGENT_HOURS: '20:00-08:00', HANDOFF_MAX_WAIT_MINUTES: '30', AGENT_AVERAGE_HANDLING_MINUTES: '4.5', HANDOFF_RECORD_TTL_DAYS: '7' });
    expect([set.policy.agentHours, set.policy.agentMaxWaitMinutes, set.policy.agentAverageHandlingMinutes, set.handoffRecordTtlDays]).toEqual(['20:00-08:00', 30, 4.5, 7]);
  });

  it('keeps agents in at every hour in the demo (the simulator on a loopback address), and only there', () => {
    expect(loadConfig({}).policy.agentHours).toBe('00:00-00:00');
    expect(loadConfig({ HOST: '0.0.0.0' }).policy.agentHours).toBe('08:00-20:00');
    expect(loadConfig({ BACKEND_URL: 'http://127.0.0.1:4010' }).policy.agentHours).toBe('08:00-20:00');
    expect(loadConfig({ AGENT_HOURS: '09:00-18:00' }).policy.agentHours).toBe('09:00-18:00');
  });

  it.each([
    [{ TICKET_REOPEN_WINDOW_HOURS: '0' }, 'TICKET_REOPEN_WINDOW_HOURS'],
    [{ OUTAGE_LINK_WINDOW_MINUTES: '7.5' }, 'OUTAGE_LINK_WINDOW_MINUTES'],
    [{ PORT: 'eighty' }, 'PORT'],
    [{ REDIS_URL: 'http://localhost' }, 'REDIS_URL'],
    [{ BACKEND_URL: 'not a url' }, 'BACKEND_URL'],
    [{ FRIENDLY_HOURS: '5pm-10am' }, 'FRIENDLY_HOURS'],
    [{ AGENT_HOURS: '8-20' }, 'AGENT_HOURS'],
    [{ HANDOFF_MAX_WAIT_MINUTES: '0' }, 'HANDOFF_MAX_WAIT_MINUTES'],
    [{ AGENT_AVERAGE_HANDLING_MINUTES: '-1' }, 'AGENT_AVERAGE_HANDLING_MINUTES'],
    [{ HANDOFF_RECORD_TTL_DAYS: 'forever' }, 'HANDOFF_RECORD_TTL_DAYS'],
    [{ SLA_HOURS: '{"meter_test":{"urban":1,"rural":1}}' }, 'SLA_HOURS'],
    [{ SLA_HOURS: 'not json' }, 'SLA_HOURS'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
  ])('stops on %j and names the variable', (environment, variable) => {
    expect(() => loadConfig(environment)).toThrow(ConfigError);
    expect(() => loadConfig(environment)).toThrow(new RegExp(variable));
  });
});
