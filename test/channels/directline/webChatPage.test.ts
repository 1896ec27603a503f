import fs from 'node:fs';
import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import { webChatBundlePath } from '../../../src/channels/directline/webChatPage';
import { startWebChatServer, type RunningWebChat } from './webChatServer';

/** A GET that leaves the body as sent (fetch would unzip it). */
function rawGet(url: string, headers: Record<string, string>): Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

/** The JSON the page reads its settings from. */
function pageConfig(html: string): Record<string, unknown> {
  const json = /<script id="sampark-config" type="application\/json">(.*?)<\/script>/s.exec(html)?.[1];
  return JSON.parse(json ?? 'null') as Record<string, unknown>;
}

describe('the web chat page and its files', () => {
  let running: RunningWebChat;
  afterEach(() => running?.close());

  it.each(['/', '/chat'])('serves the page at %s with the discom name, colours, strings of both languages and a strict policy', async (route) => {
    running = await startWebChatServer({ env: { WEBCHAT_DISCOM_NAME: 'NBPDCL <North>', WEBCHAT_PRIMARY_COLOR: '#c0392b' } });
    const response = await fetch(`${running.url}${route}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await response.text();
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">');
    expect(html).toContain('<script src="/webchat/webchat.js" defer></script>');
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3)/);
    expect(html).toContain('<title>NBPDCL &#60;North&#62; स्मार्ट मीटर सहायता · NBPDCL &#60;North&#62; smart meter help</title>');
    expect(pageConfig(html)).toEqual({
      primaryColor: '#c0392b',
      directLineDomain: null,
      tokenUrl: null,
      strings: {
        hi: expect.objectContaining({ title: 'NBPDCL <North> स्मार्ट मीटर सहायता', chooseLanguage: 'शुरू करने के लिए अपनी भाषा चुनें' }),
        en: expect.objectContaining({ title: 'NBPDCL <North> smart meter help', newChat: 'New chat' }),
      },
      languageNames: { hi: 'हिंदी', en: 'English' },
    });
  });

  it('points the page at another Direct Line and its token service when configured, and allows them in the policy', async () => {
    running = await startWebChatServer({
      env: {
        WEBCHAT_DIRECTLINE_DOMAIN: 'https://directline.botframework.com/v3/directline',
        WEBCHAT_TOKEN_URL: 'https://www.sbpdcl.co.in/webchat/token',
      },
    });
    const response = await fetch(`${running.url}/`);
    expect(pageConfig(await response.text())).toMatchObject({
      directLineDomain: 'https://directline.botframework.com/v3/directline',
      tokenUrl: 'https://www.sbpdcl.co.in/webchat/token',
    });
    expect(response.headers.get('content-security-policy')).toContain(
      "connect-src 'self' https://directline.botframework.com wss://directline.botframework.com https://www.sbpdcl.co.in wss://www.sbpdcl.co.in",
    );
  });

  it('serves Web Chat from the installed package, gzipped when the browser accepts it, and 304 when unchanged', async () => {
    running = await startWebChatServer();
    const installed = fs.readFileSync(webChatBundlePath());
    const plain = await fetch(`${running.url}/webchat/webchat.js`, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(Buffer.from(await plain.arrayBuffer()).equals(installed)).toBe(true);

    const zipped = await rawGet(`${running.url}/webchat/webchat.js`, { 'accept-encoding': 'gzip, deflate' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    const body = zipped.body;
    expect(body.length).toBeLessThan(installed.length / 2);
    expect(gunzipSync(body).equals(installed)).toBe(true);

    const again = await fetch(`${running.url}/webchat/webchat.js`, { headers: { 'if-none-match': plain.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });

  it.each([
    ['/webchat/page.js', 'text/javascript; charset=utf-8', 'sessionStorage'],
    ['/webchat/page.css', 'text/css; charset=utf-8', '100dvh'],
  ])('serves %s', async (route, type, content) => {
    running = await startWebChatServer();
    const response = await fetch(`${running.url}${route}`);
    expect(response.headers.get('content-type')).toBe(type);
    expect(await response.text()).toContain(content);
  });
});
