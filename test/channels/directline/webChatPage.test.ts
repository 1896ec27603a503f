import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { startWebChatServer, type RunningWebChat } from './webChatServer';

/** A GET that leaves the body as sent (fetch would decompress it). */
function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

/** The JSON the page reads its settings from. */
function pageConfig(html: string): Record<string, unknown> {
  const json = /<script id="sampark-config" type="application\/json">(.*?)<\/script>/s.exec(html)?.[1];
  return JSON.parse(json ?? 'null') as Record<string, unknown>;
}

/** The page's script and Web Chat, as the page names them. */
function scriptUrls(html: string): { page: string; webChat: string } {
  return {
    page: /<script src="(\/webchat\/page\.[0-9a-f]{16}\.js)" defer><\/script>/.exec(html)![1]!,
    webChat: (pageConfig(html) as { webChatUrl: string }).webChatUrl,
  };
}

describe('the web chat page and its files', () => {
  let running: RunningWebChat;
  afterEach(() => running?.close());

  it.each(['/', '/chat'])(
    'serves the page at %s in the visitor\'s language, with the greeting and the menu in it, and a strict policy',
    async (route) => {
      running = await startWebChatServer({ env: { WEBCHAT_DISCOM_NAME: 'NBPDCL <North>', WEBCHAT_PRIMARY_COLOR: '#c0392b' } });
      const response = await fetch(`${running.url}${route}`, { headers: { 'accept-language': 'hi-IN,hi;q=0.9,en;q=0.8' } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-language')).toBe('hi');
      expect(response.headers.get('vary')).toBe('Accept-Encoding, Accept-Language');
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
      const html = await response.text();
      expect(html).toContain('<html lang="hi">');
      expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">');
      expect(html).not.toMatch(/https?:\/\/(?!www\.w3)/);
      expect(html).toContain('<title>NBPDCL &#60;North&#62; स्मार्ट मीटर सहायता</title>');
      // The first screen, with no script run: the bot's welcome and every menu option as a button.
      expect(html).toContain('नमस्ते! मैं संपर्क हूँ');
      expect(html).toContain('<button type="button" class="sampark-choice">रिचार्ज नहीं जुड़ा</button>');
      expect(html.match(/class="sampark-choice"/g)).toHaveLength(10);
      expect(html).toContain('placeholder="अपना संदेश लिखें"');
      expect(html).toContain('<button type="button" class="sampark-language" data-language="hi" lang="hi" aria-pressed="true">हिंदी</button>');
      expect(pageConfig(html)).toMatchObject({
        primaryColor: '#c0392b',
        directLineDomain: null,
        tokenUrl: null,
        language: 'hi',
        strings: {
          hi: expect.objectContaining({ title: 'NBPDCL <North> स्मार्ट मीटर सहायता', send: 'भेजें' }),
          en: expect.objectContaining({ title: 'NBPDCL <North> smart meter help', newChat: 'New chat', menu: expect.arrayContaining(['Recharge not credited']) }),
        },
        languageNames: { hi: 'हिंदी', en: 'English' },
      });
    },
  );

  it('shows the page in English to an English browser, or when the address asks for it', async () => {
    running = await startWebChatServer();
    const english = await (await fetch(`${running.url}/`, { headers: { 'accept-language': 'en-US,en;q=0.9' } })).text();
    expect(english).toContain('<html lang="en">');
    expect(english).toContain('Namaste! I am Sampark');
    const asked = await (await fetch(`${running.url}/?lang=en`, { headers: { 'accept-language': 'hi-IN' } })).text();
    expect(asked).toContain('<button type="button" class="sampark-choice">Recharge not credited</button>');
    const unsaid = await (await fetch(`${running.url}/`)).text();
    expect(unsaid).toContain('<html lang="hi">');
  });

  it('keeps the first screen within a few kilobytes on the wire', async () => {
    running = await startWebChatServer();
    const page = await rawGet(`${running.url}/`, { 'accept-encoding': 'br', 'accept-language': 'hi' });
    expect(page.headers['content-encoding']).toBe('br');
    expect(page.body.length).toBeLessThan(8 * 1024);
  });

  it('looks official: the logo, 1912 with its hours and a short privacy notice, in the visitor\'s language', async () => {
    running = await startWebChatServer({ env: { WEBCHAT_HELPLINE_HOURS: '08:00-20:00', DIRECTLINE_TRANSCRIPT_TTL_HOURS: '12' } });
    const hindi = await (await fetch(`${running.url}/`, { headers: { 'accept-language': 'hi' } })).text();
    expect(hindi).toContain('<a class="sampark-helpline" id="sampark-helpline" href="tel:1912">हेल्पलाइन 1912 · 08:00 से 20:00 तक</a>');
    expect(hindi).toContain('<summary id="sampark-privacy-title">गोपनीयता</summary>');
    expect(hindi).toContain('आख़िरी संदेश के बाद 12 घंटे');
    expect(hindi).toContain('90 दिन तक');
    const english = await (await fetch(`${running.url}/`, { headers: { 'accept-language': 'en' } })).text();
    expect(english).toContain('Helpline 1912 · 08:00 to 20:00');
    expect(english).toContain('kept for 12 hours after your last message');
    expect(english).toContain('A 1912 agent reads the chat only when you ask for a person');

    const logo = /<img class="sampark-logo" src="(\/webchat\/logo\.[0-9a-f]{16}\.svg)" alt="SBPDCL logo"/.exec(english)![1]!;
    const image = await fetch(`${running.url}${logo}`);
    expect(image.headers.get('content-type')).toBe('image/svg+xml');
    expect(image.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(image.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'unsafe-inline'");
  });

  it('shows the discom\'s own logo when configured', async () => {
    const logoPath = path.join(os.tmpdir(), `sampark-test-logo-${process.pid}.png`);
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    fs.writeFileSync(logoPath, png);
    try {
      running = await startWebChatServer({ env: { WEBCHAT_LOGO_PATH: logoPath } });
      const html = await (await fetch(`${running.url}/`)).text();
      const logo = /<img class="sampark-logo" src="(\/webchat\/logo\.[0-9a-f]{16}\.png)"/.exec(html)![1]!;
      const image = await fetch(`${running.url}${logo}`);
      expect(image.headers.get('content-type')).toBe('image/png');
      expect(Buffer.from(await image.arrayBuffer()).equals(png)).toBe(true);
    } finally {
      fs.rmSync(logoPath, { force: true });
    }
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

  it('can build the page and Web Chat before the first visitor comes', async () => {
    running = await startWebChatServer();
    await running.webChat.preparePage();
    const { webChat } = scriptUrls(await (await fetch(`${running.url}/`)).text());
    expect((await fetch(`${running.url}${webChat}`)).status).toBe(200);
  });

  it('serves Web Chat built small, brotli or gzip as the browser takes it, cached for good under its content hash', async () => {
    running = await startWebChatServer();
    const { webChat } = scriptUrls(await (await fetch(`${running.url}/`)).text());
    const plain = await rawGet(`${running.url}${webChat}`, { 'accept-encoding': 'identity' });
    expect(plain.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.body.toString('utf8')).toContain('createDirectLine');
    // The prebuilt full bundle of the package is 3.9 MB; only what the page uses is kept.
    expect(plain.body.length).toBeLessThan(2.5 * 1024 * 1024);

    const brotli = await rawGet(`${running.url}${webChat}`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.body.length).toBeLessThan(450 * 1024);
    expect(brotliDecompressSync(brotli.body).equals(plain.body)).toBe(true);

    const gzip = await rawGet(`${running.url}${webChat}`, { 'accept-encoding': 'gzip, deflate' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).equals(plain.body)).toBe(true);

    const again = await rawGet(`${running.url}${webChat}`, { 'if-none-match': String(plain.headers.etag) });
    expect(again.status).toBe(304);
  });

  it('serves the page script under its content hash, and nothing else under /webchat/', async () => {
    running = await startWebChatServer();
    const { page } = scriptUrls(await (await fetch(`${running.url}/`)).text());
    const script = await fetch(`${running.url}${page}`);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await script.text()).toContain('sessionStorage');
    expect((await fetch(`${running.url}/webchat/page.js`)).status).toBe(404);
    expect((await fetch(`${running.url}/webchat/..%2Fpackage.json`)).status).toBe(404);
  });
});
