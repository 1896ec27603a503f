/**
 * Installed for every test file (jest `setupFilesAfterEnv`): the code's default clock becomes the
 * tests' daytime clock, so a test that does not care about the hour never reads the wall clock.
 * Tests about hours inject their own clock (every `now` parameter) and are not affected.
 */
jest.mock('../../src/domain/clock', () => {
  const { daytimeClock } = jest.requireActual<typeof import('./clock')>('./clock');
  return { systemClock: daytimeClock };
});
