import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { requestSource } from '../limits/requestSource';
import { STAFF_ROLES, type StaffRole, type StaffIdentity } from './staff';
import type { StaffAuthentication } from './staffAuthentication';

const SignInSchema = z.object({
  username: z.string().min(1).max(80),
  password: z.string().min(1).max(200),
});

/** How the routes tell who is asking: see requestSource. */
export interface StaffRouteOptions {
  trustedProxy: boolean;
}

/** POST /api/staff/sign-in, POST /api/staff/sign-out and GET /api/staff/me, for every staff console. */
export function mountStaffRoutes(server: Server, authentication: StaffAuthentication, options: StaffRouteOptions): void {
  server.post('/api/staff/sign-in', async (req: Request, res: Response) => {
    const body = SignInSchema.safeParse(req.body);
    if (!body.success) {
      res.send(400, { error: 'bad_request', detail: 'username and password are required' });
      return;
    }
    const outcome = await authentication.signIn(body.data.username, body.data.password, requestSource(req, options.trustedProxy));
    if (outcome.ok === false && outcome.problem === 'locked') {
      res.header('Retry-After', String(outcome.retryAfterSeconds));
      res.send(429, { error: outcome.problem });
      return;
    }
    if (!outcome.ok) {
      res.send(401, { error: outcome.problem });
      return;
    }
    res.send(200, { token: outcome.token, expiresAt: outcome.expiresAt, expiresInSeconds: outcome.expiresInSeconds, ...outcome.identity });
  });

  // Ends the session everywhere, not only in this browser: a token copied from it stops working too.
  server.post('/api/staff/sign-out', async (req: Request, res: Response) => {
    const ended = await authentication.signOut(req.header('authorization'));
    if (!ended) return void res.send(401, { error: 'no_session' });
    res.send(204);
  });

  server.get('/api/staff/me', staffOnly(authentication, STAFF_ROLES, async (_req, res, identity) => {
    res.send(200, identity);
  }));
}

/** Wraps a handler so it runs only for a signed-in member of staff in one of `roles`. */
export function staffOnly(
  authentication: StaffAuthentication,
  roles: readonly StaffRole[],
  handler: (req: Request, res: Response, identity: StaffIdentity) => Promise<void>,
) {
  return async (req: Request, res: Response): Promise<void> => {
    const verdict = await authentication.authorize(req.header('authorization'), roles, `${req.method} ${req.getRoute().path}`);
    if (!verdict.ok) {
      res.send(verdict.status, { error: verdict.problem });
      return;
    }
    await handler(req, res, verdict.identity);
  };
}
