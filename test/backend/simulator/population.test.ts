import { POPULATION_FIRST_CA, POPULATION_SIZE, populationProfiles } from '../../../src/backend/simulator/population';

describe("the simulator's population", () => {
  const profiles = populationProfiles();

  it('is the same people every time, numbered after the demo consumers', () => {
    expect(populationProfiles()).toEqual(profiles);
    expect(profiles).toHaveLength(POPULATION_SIZE);
    expect(profiles[0]?.consumer.caNumber).toBe(String(POPULATION_FIRST_CA));
    expect(new Set(profiles.map((p) => p.consumer.caNumber)).size).toBe(POPULATION_SIZE);
  });

  it('has supply cut only where the balance ran out, with the time it was cut', () => {
    const cut = profiles.filter((p) => p.relay === 'disconnected');
    expect(cut.length / POPULATION_SIZE).toBeGreaterThan(0.1);
    expect(cut.every((p) => p.balance < 0 && (p.supplyCutMinutesAgo ?? 0) > 0)).toBe(true);
    expect(profiles.filter((p) => p.relay === 'connected').every((p) => p.balance >= 0 && p.supplyCutMinutesAgo === undefined)).toBe(true);
  });

  it('gives each registered mobile to one connection, and leaves about a quarter without one', () => {
    const mobiles = profiles.flatMap((p) => (p.consumer.mobile ? [p.consumer.mobile] : []));
    expect(new Set(mobiles).size).toBe(mobiles.length);
    expect(mobiles.every((mobile) => /^[6-9]\d{9}$/.test(mobile) && !mobile.startsWith('98765'))).toBe(true);
    const without = (POPULATION_SIZE - mobiles.length) / POPULATION_SIZE;
    expect(without).toBeGreaterThan(0.2);
    expect(without).toBeLessThan(0.35);
  });

  it('spreads over both discoms, town and village sections', () => {
    expect(new Set(profiles.map((p) => p.consumer.discom))).toEqual(new Set(['SBPDCL', 'NBPDCL']));
    expect(new Set(profiles.map((p) => p.consumer.urban))).toEqual(new Set([true, false]));
  });
});
