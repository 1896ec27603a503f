import type { IncomingMessage } from 'node:http';
import { HostSchema } from './wireSchemas';

/** Where the client reached this server, for URLs handed back to that same client. */
export interface RequestOrigin {
  http: string;
  ws: string;
}

/**
 * The origin from the Host header; behind a TLS-terminating proxy, X-Forwarded-Proto says https.
 * Null when the Host header is missing or is not a host name.
 */
export function requestOrigin(request: IncomingMessage): RequestOrigin | null {
  const host = HostSchema.safeParse(request.headers.host);
  if (!host.success) return null;
  const forwarded = request.headers['x-forwarded-proto'];
  const secure = forwarded === 'https' || ('encrypted' in request.socket && request.socket.encrypted === true);
  return {
    http: `${secure ? 'https' : 'http'}://${host.data}`,
    ws: `${secure ? 'wss' : 'ws'}://${host.data}`,
  };
}
