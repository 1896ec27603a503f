import { z } from 'zod';
import { credentialUrl, presentVariables } from '../config/environment';
import { DEFAULT_THRESHOLDS } from './confidenceBands';

/** How to reach the Azure CLU deployment that classifies messages instead of the local model. */
export interface CluSettings {
  /** The Language resource, e.g. https://my-language.cognitiveservices.azure.com */
  endpoint: string;
  key: string;
  projectName: string;
  deploymentName: string;
  /** A CLU call slower than this is abandoned and the local model answers that turn. */
  timeoutMs: number;
}

/** Which recognizer runs, and the confidence bands the dialogs apply. */
export interface NluSettings {
  /** Absent: the local model alone. */
  clu: CluSettings | undefined;
  actThreshold: number;
  confirmThreshold: number;
}

/** CLU answers in 100-300 ms when healthy; past 1.5 s a consumer waits too long for a reply. */
const DEFAULT_CLU_TIMEOUT_MS = 1500;

/** The four variables that only make sense together. */
const CLU_VARIABLES = ['CLU_ENDPOINT', 'CLU_KEY', 'CLU_PROJECT', 'CLU_DEPLOYMENT'] as const;



const threshold = (fallback: number) => z.coerce.number().min(0).max(1).default(fallback);

/**
 * The NLU part of the environment, as fields to merge into the main schema (`z.object({...other,
 * ...NLU_ENV_SHAPE}).superRefine(checkNluEnv)`), so one error message lists every bad variable.
 */
export const NLU_ENV_SHAPE = {
  CLU_ENDPOINT: credentialUrl.optional(),
  CLU_KEY: z.string().min(1).optional(),
  CLU_PROJECT: z.string().min(1).optional(),
  CLU_DEPLOYMENT: z.string().min(1).optional(),
  CLU_TIMEOUT_MS: z.coerce.number().int().positive().max(30_000).default(DEFAULT_CLU_TIMEOUT_MS),
  NLU_ACT_THRESHOLD: threshold(DEFAULT_THRESHOLDS.actThreshold),
  NLU_CONFIRM_THRESHOLD: threshold(DEFAULT_THRESHOLDS.confirmThreshold),
};

const NluEnvSchema = z.object(NLU_ENV_SHAPE);
/** The NLU variables after parsing, defaults filled in. */
export type NluEnv = z.infer<typeof NluEnvSchema>;

/** Cross-field rules: CLU is all four variables or none, and confirming needs a lower score than acting. */
export function checkNluEnv(env: NluEnv, ctx: z.RefinementCtx): void {
  const given = CLU_VARIABLES.filter((name) => env[name] !== undefined);
  if (given.length > 0 && given.length < CLU_VARIABLES.length) {
    for (const missing of CLU_VARIABLES.filter((name) => env[name] === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [missing],
        message: `missing: Azure CLU needs ${CLU_VARIABLES.join(', ')} together, and ${given.join(', ')} ${given.length === 1 ? 'is' : 'are'} set`,
      });
    }
  }
  if (env.NLU_CONFIRM_THRESHOLD > env.NLU_ACT_THRESHOLD) {
    ctx.addIssue({
      code: 'custom',
      path: ['NLU_CONFIRM_THRESHOLD'],
      message: `must not be above NLU_ACT_THRESHOLD (${env.NLU_ACT_THRESHOLD})`,
    });
  }
}

/** The settings of an environment already parsed and checked. */
export function nluSettingsFrom(env: NluEnv): NluSettings {
  const { CLU_ENDPOINT, CLU_KEY, CLU_PROJECT, CLU_DEPLOYMENT } = env;
  const clu =
    CLU_ENDPOINT && CLU_KEY && CLU_PROJECT && CLU_DEPLOYMENT
      ? { endpoint: CLU_ENDPOINT, key: CLU_KEY, projectName: CLU_PROJECT, deploymentName: CLU_DEPLOYMENT, timeoutMs: env.CLU_TIMEOUT_MS }
      : undefined;
  return { clu, actThreshold: env.NLU_ACT_THRESHOLD, confirmThreshold: env.NLU_CONFIRM_THRESHOLD };
}

/**
 * A bad NLU variable; the message names each one. Not config's ConfigError: config.ts imports this
 * module to merge NLU_ENV_SHAPE, and importing it back would make a cycle.
 */
export class NluSettingsError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid NLU configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'NluSettingsError';
  }
}

/** Reads the NLU settings from the environment; empty strings count as unset, as in the main config. */
export function parseNluSettings(environment: NodeJS.ProcessEnv = process.env): NluSettings {
  const present = presentVariables(environment);
  const parsed = NluEnvSchema.superRefine(checkNluEnv).safeParse(present);
  if (!parsed.success) {
    throw new NluSettingsError(parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`));
  }
  return nluSettingsFrom(parsed.data);
}
