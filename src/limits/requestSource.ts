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

/**
 * A source as the log names it: "203.0.113.x" (an IPv4 address's last part hidden), "2001:db8:12::x"
 * (an IPv6 address's first 48 bits). Enough for an operator to see one network hammering and block
 * it at the proxy; too little to name one household.
 */
export function maskSource(source: string): string {
  const mapped = source.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
  const ipv4 = /^(\d{1,3}\.\d{1,3}\.\d{1,3})\.\d{1,3}$/.exec(mapped);
  if (ipv4) return `${ipv4[1]}.x`;
  if (mapped.includes(':')) {
    const groups = mapped.split('::')[0]!.split(':').filter(Boolean).slice(0, 3);
    return `${groups.join(':')}::x`;
  }
  return 'x';
}
