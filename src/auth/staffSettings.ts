import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ConfigError } from '../config/config';
import { booleanVariable, isLoopbackHost, presentVariables } from '../config/environment';
import { RateRuleSchema } from '../limits/rateRule';
import type { Logger } from '../log/logger';
import { projectRoot } from '../projectRoot';
import { DEFAULT_SIGN_IN_RULES, type SignInRules } from './signInLimits';
import { StaffAccountSchema, type StaffAccount } from './staff';

const rule = (fallback: { limit: number; windowSeconds: number }) =>
  RateRuleSchema.default(RateRuleSchema.parse(`${fallback.limit}/${fallback.windowSeconds}s`));

const StaffEnvSchema = z.object({
  /** A JSON file: an array of accounts with scrypt password hashes (`npm run staff:hash-password`). */
  STAFF_ACCOUNTS_FILE: z.string().min(1).optional(),
  /**
   * The demo accounts of config/demo-staff.json, whose passwords are in the README. Unset: only for
   * the local demo (the simulator, a loopback HOST, no proxy in front).
   */
  STAFF_DEMO_ACCOUNTS: booleanVariable.optional(),
  /** Signs session tokens; the same on every instance, at least 32 characters. */
  STAFF_SESSION_SECRET: z.string().min(32).optional(),
  /** A shift: a session lasts this long. */
  STAFF_SESSION_TTL_MINUTES: z.coerce.number().int().min(5).max(24 * 60).default(480),
  /** Sign-in attempts, right or wrong, for one account from one source: COUNT/WINDOW. */
  STAFF_SIGN_IN_LIMIT_PER_SOURCE: rule(DEFAULT_SIGN_IN_RULES.perAccountAndSource),
  /** Sign-in attempts for one account from anywhere: COUNT/WINDOW, well above the per-source one. */
  STAFF_SIGN_IN_LIMIT_PER_ACCOUNT: rule(DEFAULT_SIGN_IN_RULES.perAccount),
});

/** Who may sign in, and how sessions are signed. */
export interface StaffSettings {
  accounts: StaffAccount[];
  sessionSecret: string;
  sessionTtlSeconds: number;
  signInRules: SignInRules;
  /** Where the accounts came from, for the start-up log. */
  source: string;
}

const DEMO_ACCOUNTS = path.join(projectRoot(), 'config', 'demo-staff.json');

/** What decides whether the demo accounts are on when STAFF_DEMO_ACCOUNTS does not say. */
export interface Deployment {
  host: string;
  /** TRUSTED_PROXY: a proxy in front forwards the network to a loopback HOST. */
  trustedProxy: boolean;
  /** No BACKEND_URL: the built-in simulator, whose consumers are made up. */
  simulatedBackend: boolean;
}

/**
 * Reads the staff settings. Without STAFF_ACCOUNTS_FILE, the demo accounts of config/demo-staff.json
 * (passwords in the README) are used when STAFF_DEMO_ACCOUNTS=true, or, when it is unset, only for
 * the local demo: the simulator on a loopback address with no proxy in front. A loopback bind alone
 * proves nothing: a reverse proxy on the same host makes it reachable from the network, and a
 * reachable server must never accept well-known passwords by default. A bad file or value stops
 * start-up naming it.
 */
export function loadStaffSettings(environment: NodeJS.ProcessEnv, deployment: Deployment, logger: Logger): StaffSettings {
  const present = presentVariables(environment);
  const parsed = StaffEnvSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const env = parsed.data;
  if (env.STAFF_ACCOUNTS_FILE && env.STAFF_DEMO_ACCOUNTS) {
    throw new ConfigError(['STAFF_DEMO_ACCOUNTS: set either STAFF_ACCOUNTS_FILE or STAFF_DEMO_ACCOUNTS=true, not both']);
  }
  const localDemo = deployment.simulatedBackend && isLoopbackHost(deployment.host) && !deployment.trustedProxy;
  const demo = !env.STAFF_ACCOUNTS_FILE && (env.STAFF_DEMO_ACCOUNTS ?? localDemo);
  const file = env.STAFF_ACCOUNTS_FILE ?? (demo ? DEMO_ACCOUNTS : null);
  const accounts = file ? readAccounts(file) : [];
  if (!file) logger.warn('STAFF_ACCOUNTS_FILE is not set: nobody can sign in to the agent and field consoles');
  if (demo && localDemo) logger.warn('staff sign-in uses the demo accounts (the local demo only)');
  if (demo && !localDemo) logger.warn('STAFF_DEMO_ACCOUNTS=true: anyone who can reach this server can sign in with the README passwords');
  if (!env.STAFF_SESSION_SECRET) {
    logger.warn('STAFF_SESSION_SECRET is not set: staff sessions end at restart and other instances refuse them');
  }
  return {
    accounts,
    sessionSecret: env.STAFF_SESSION_SECRET ?? randomBytes(32).toString('base64url'),
    sessionTtlSeconds: env.STAFF_SESSION_TTL_MINUTES * 60,
    signInRules: { perAccountAndSource: env.STAFF_SIGN_IN_LIMIT_PER_SOURCE, perAccount: env.STAFF_SIGN_IN_LIMIT_PER_ACCOUNT },
    source: file ?? 'none',
  };
}

function readAccounts(file: string): StaffAccount[] {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError([`STAFF_ACCOUNTS_FILE: cannot read ${file} as JSON (${(error as Error).message})`]);
  }
  const accounts = z.array(StaffAccountSchema).safeParse(raw);
  if (!accounts.success) {
    throw new ConfigError(accounts.error.issues.map((issue) => `STAFF_ACCOUNTS_FILE ${issue.path.join('.')}: ${issue.message}`));
  }
  const names = accounts.data.map((account) => account.username);
  const repeated = names.filter((name, index) => names.indexOf(name) !== index);
  if (repeated.length > 0) throw new ConfigError([`STAFF_ACCOUNTS_FILE: username listed twice: ${repeated.join(', ')}`]);
  return accounts.data;
}
