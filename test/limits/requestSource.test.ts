import type { IncomingMessage } from 'node:http';
import { maskSource, requestSource } from '../../src/limits/requestSource';

const request = (remoteAddress: string, forwardedFor?: string) =>
  ({ headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor }, socket: { remoteAddress } }) as unknown as IncomingMessage;

describe('requestSource', () => {
  it('is the peer address when no trusted proxy is in front, whatever X-Forwarded-For claims', () => {
    expect(requestSource(request('198.51.100.4', '10.0.0.1'), false)).toBe('198.51.100.4');
  });

  it('is the address the trusted proxy appended, not one the client wrote in front of it', () => {
    expect(requestSource(request('127.0.0.1', '10.0.0.1, 203.0.113.9'), true)).toBe('203.0.113.9');
    expect(requestSource(request('127.0.0.1', '203.0.113.9'), true)).toBe('203.0.113.9');
  });

  it('falls back to the peer when the proxy sent no header', () => {
    expect(requestSource(request('127.0.0.1'), true)).toBe('127.0.0.1');
  });
});

describe('maskSource', () => {
  it('names a network for the log, never one address', () => {
    expect(maskSource('203.0.113.7')).toBe('203.0.113.x');
    expect(maskSource('::ffff:203.0.113.7')).toBe('203.0.113.x');
    expect(maskSource('2001:db8:12:34:5678::1')).toBe('2001:db8:12::x');
    expect(maskSource('::1')).toBe('::x');
    expect(maskSource('unknown')).toBe('x');
  });
});
