import { z } from 'zod';

/** A yes/no variable: true, false, 1, 0, yes or no. */
export const booleanVariable = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

/** The environment without empty variables: an empty value means "use the default" everywhere. */
export function presentVariables(environment: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(environment).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''),
  );
}

/** Whether a host name or address only this machine can reach (a bind address or a URL's host). */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || host.startsWith('127.');
}

/**
 * A URL that carries a credential (a key, a token): HTTPS, except on loopback, where the tests' fake
 * services and local tunnels answer plain HTTP.
 */
export const credentialUrl = z
  .url({ protocol: /^https?$/ })
  .refine((value) => {
    // Not a URL at all is already reported by the check above; zod runs this one too.
    if (!URL.canParse(value)) return true;
    const url = new URL(value);
    return url.protocol === 'https:' || isLoopbackHost(url.hostname);
  }, 'must be https (plain http only on 127.0.0.1 or localhost)');
