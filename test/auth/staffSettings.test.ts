import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { verifyPassword } from '../../src/auth/passwordHash';
import { loadStaffSettings } from '../../src/auth/staffSettings';
import { ConfigError } from '../../src/config/config';
import { silentLogger } from '../../src/log/logger';

describe('loadStaffSettings', () => {
  it('uses the demo accounts on a loopback address, with the README passwords', async () => {
    const settings = loadStaffSettings({}, '127.0.0.1', silentLogger());
    const agent = settings.accounts.find((account) => account.username === 'agent1')!;
    expect(await verifyPassword('agent1-demo', agent.passwordHash)).toBe(true);
    expect(settings.accounts.find((account) => account.username === 'lineman1')?.area?.section).toBe('Kankarbagh-1');
    expect(settings.sessionTtlSeconds).toBe(480 * 60);
  });

  it('never uses the demo accounts on a reachable address', () => {
    expect(loadStaffSettings({}, '0.0.0.0', silentLogger()).accounts).toEqual([]);
  });

  it('stops on a broken accounts file, naming the variable', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'staff-')), 'staff.json');
    fs.writeFileSync(file, JSON.stringify([{ username: 'A B', name: 'x', role: 'king', passwordHash: 'plain' }]));
    expect(() => loadStaffSettings({ STAFF_ACCOUNTS_FILE: file }, '0.0.0.0', silentLogger())).toThrow(ConfigError);
    expect(() => loadStaffSettings({ STAFF_ACCOUNTS_FILE: file }, '0.0.0.0', silentLogger())).toThrow(/STAFF_ACCOUNTS_FILE/);
    expect(() => loadStaffSettings({ STAFF_SESSION_SECRET: 'short' }, '127.0.0.1', silentLogger())).toThrow(/STAFF_SESSION_SECRET/);
  });
});
