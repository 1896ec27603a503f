import type { IncomingMessage } from 'node:http';

/**
 * Who sent a request, for limits counted per source: the peer's address, or, when a trusted proxy
 * is in front (TRUSTED_PROXY), the address that proxy appended to X-Forwarded-For. The last entry,
 * not the first: a client can send its own X-Forwarded-For with any address in it, and the proxy
 * only appends to it, so only the entry the proxy wrote is known to be true. Without a trusted proxy
 * the header is ignored, since anybody can send it.
 */
export function requestSource(request: IncomingMessage, trustedProxy: boolean): string {
  if (trustedProxy) {
    const header = request.headers['x-forwarded-for'];
    const hops = (Array.isArray(header) ? header.join(',') : header ?? '').split(',').map((hop) => hop.trim()).filter(Boolean);
    const nearest = hops.at(-1);
    if (nearest) return nearest;
  }
  return request.socket.remoteAddress ?? 'unknown';
}
