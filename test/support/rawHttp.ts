import http from 'node:http';
import net from 'node:net';

export interface RawResponse {
  status: number;
  body: string;
}

/** One POST with exactly these bytes and headers (fetch would refuse or rewrite some of them). */
export function rawPost(url: string, body: Buffer | string, headers: Record<string, string>): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', headers: { 'content-length': String(Buffer.byteLength(body)), ...headers } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    // The server may answer and close before the whole body is written; the answer is what counts.
    request.on('error', reject);
    request.end(body);
  });
}

/**
 * A slowloris client: announces `declared` bytes, then sends one byte every `everyMs`. Resolves with
 * what the server answered (the status line's code) once it closes the socket.
 */
export function trickle(url: string, path: string, declared: number, everyMs: number): Promise<{ status: number; closed: boolean }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), hostname);
    let answer = '';
    let timer: NodeJS.Timeout | undefined;
    socket.on('connect', () => {
      socket.write(`POST ${path} HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/json\r\nContent-Length: ${declared}\r\n\r\n`);
      timer = setInterval(() => socket.writable && socket.write(' '), everyMs);
    });
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearInterval(timer);
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0), closed: true });
    });
  });
}
