import { z } from 'zod';
import type { RateRule } from './rateLimiter';

const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86_400 } as const;

/**
 * A rule as configuration writes it: "5/24h" is five events in a day; units s, m, h, d.
 * One readable string per limit keeps the environment short and the README table plain.
 */
export const RateRuleSchema = z
  .string()
  .trim()
  .regex(/^\d{1,6}\/\d{1,6}[smhd]$/, 'expected COUNT/WINDOW such as 5/24h (units s, m, h, d)')
  .transform((text): RateRule => {
    const [count, window] = text.split('/') as [string, string];
    const unit = window.slice(-1) as keyof typeof UNIT_SECONDS;
    return { limit: Number(count), windowSeconds: Number(window.slice(0, -1)) * UNIT_SECONDS[unit] };
  })
  .refine((rule) => rule.limit > 0 && rule.windowSeconds > 0, 'count and window must be positive');
