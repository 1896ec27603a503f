import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { verifyPassword } from '../../src/auth/passwordHash';
import { loadStaffSettings } from '../../src/auth/staffSettings';
import { ConfigError } from '../../src/config/config';
import { silentLogger } from '../../src/log/logger';
import { LOCAL_DEMO } from '../support/localDemo';

describe('loadStaffSettings', () => {
  it('uses the demo accounts on a loopback address, with the README passwords', async () => {
    const settings = loadStaffSettings({}, LOCAL_DEMO, silentLogger());
    const agent = settings.accounts.find((account) => account.username === 'agent1')!;
    expect(await verifyPassword('agent1-demo', agent.passwordHash)).toBe(true);
    expect(settings.accounts.find((account) => account.username === 'lineman1')?.area?.section).toBe('Kankarbagh-1');
    expect(settings.sessionTtlSeconds).toBe(480 * 60);
  });

  it('never uses the demo accounts on a reachable address', () => {
    expect(loadStaffSettings({}, { ...LOCAL_DEMO, host: '0.0.0.0' }, silentLogger()).accounts).toEqual([]);
  });

  it('does not infer the demo accounts from a loopback bind behind a proxy, nor for a real backend', () => {
    expect(loadStaffSettings({}, { ...LOCAL_DEMO, trustedProxy: true }, silentLogger()).accounts).toEqual([]);
    expect(loadStaffSettings({}, { ...LOCAL_DEMO, simulatedBackend: false }, silentLogger()).accounts).toEqual([]);
  });

  it('uses the demo accounts when STAFF_DEMO_ACCOUNTS says so, and never when it says no', () => {
    const reachable = { host: '0.0.0.0', trustedProxy: true, simulatedBackend: false };
    expect(loadStaffSettings({ STAFF_DEMO_ACCOUNTS: 'true' }, reachable, silentLogger()).accounts.map((account) => account.username)).toContain('agent1');
    expect(loadStaffSettings({ STAFF_DEMO_ACCOUNTS: 'false' }, LOCAL_DEMO, silentLogger()).accounts).toEqual([]);
    expect(() => loadStaffSettings({ STAFF_DEMO_ACCOUNTS: 'true', STAFF_ACCOUNTS_FILE: '/x.json' }, LOCAL_DEMO, silentLogger())).toThrow(/STAFF_DEMO_ACCOUNTS/);
  });

  it('reads the sign-in limits as COUNT/WINDOW, with tight per-source and loose per-account defaults', () => {
    expect(loadStaffSettings({}, LOCAL_DEMO, silentLogger()).signInRules).toEqual({
      perAccountAndSource: { limit: 5, windowSeconds: 900 },
      perAccount: { limit: 50, windowSeconds: 900 },
    });
    expect(loadStaffSettings({ STAFF_SIGN_IN_LIMIT_PER_SOURCE: '3/1h' }, LOCAL_DEMO, silentLogger()).signInRules.perAccountAndSource).toEqual({
      limit: 3,
      windowSeconds: 3600,
    });
    expect(() => loadStaffSettings({ STAFF_SIGN_IN_LIMIT_PER_ACCOUNT: 'lots' }, LOCAL_DEMO, silentLogger())).toThrow(/STAFF_SIGN_IN_LIMIT_PER_ACCOUNT/);
  });

  it('stops on a broken accounts file, naming the variable', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'staff-')), 'staff.json');
    fs.writeFileSync(file, JSON.stringify([{ username: 'A B', name: 'x', role: 'king', passwordHash: 'plain' }]));
    expect(() => loadStaffSettings({ STAFF_ACCOUNTS_FILE: file }, { ...LOCAL_DEMO, host: '0.0.0.0' }, silentLogger())).toThrow(ConfigError);
    expect(() => loadStaffSettings({ STAFF_ACCOUNTS_FILE: file }, { ...LOCAL_DEMO, host: '0.0.0.0' }, silentLogger())).toThrow(/STAFF_ACCOUNTS_FILE/);
    expect(() => loadStaffSettings({ STAFF_SESSION_SECRET: 'short' }, LOCAL_DEMO, silentLogger())).toThrow(/STAFF_SESSION_SECRET/);
  });
});
