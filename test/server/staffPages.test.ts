import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import restify, { type Server } from 'restify';
import { Translator } from '../../src/i18n/translator';
import { projectRoot } from '../../src/projectRoot';
import { mountStaffPage, type StaffPageConfig } from '../../src/server/staffPages';

/** A page folder like public/<name>/ beside the real shared staff/ assets. */
function pageFolder(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sampark-staff-page-'));
  fs.cpSync(path.join(projectRoot(), 'public', 'staff'), path.join(root, 'staff'), { recursive: true });
  fs.mkdirSync(path.join(root, 'desk'));
  fs.writeFileSync(
    path.join(root, 'desk', 'index.html'),
    '<!doctype html><script id="staff-config" type="application/json">%%STAFF_CONFIG%%</script><script src="/desk/desk.js"></script>',
  );
  fs.writeFileSync(path.join(root, 'desk', 'desk.js'), 'window.desk = true;');
  fs.writeFileSync(path.join(root, 'desk', 'sw.js'), 'self.addEventListener("fetch", function () {});');
  fs.writeFileSync(path.join(root, 'desk', 'notes.txt'), 'not served');
  return root;
}

describe('a staff page', () => {
  let server: Server;
  let base: string;
  let folder: string;

  beforeAll(async () => {
    folder = pageFolder();
    server = restify.createServer();
    // Any namespace works; the staff one is always there.
    mountStaffPage(server, { name: 'desk', namespace: 'staff', translator: await Translator.create(), publicDir: folder });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('carries its strings in Hindi and English, the language names and its name', async () => {
    const response = await fetch(`${base}/desk`);
    expect(response.status).toBe(200);
    const html = await response.text();
    const json = /<script id="staff-config" type="application\/json">(.*?)<\/script>/s.exec(html)?.[1];
    const config = JSON.parse(json ?? 'null') as StaffPageConfig;
    expect(config.page).toBe('desk');
    expect(config.languageNames).toEqual({ hi: 'हिंदी', en: 'English' });
    expect((config.strings.hi.staff['signIn'] as Record<string, string>)['submit']).toBe('साइन इन');
    expect((config.strings.en.page['signIn'] as Record<string, string>)['submit']).toBe('Sign in');
  });

  it('opens with a trailing slash too, as a typed or bookmarked address often has', async () => {
    const response = await fetch(`${base}/desk/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(await response.text()).toContain('"page":"desk"');
  });

  it('lets only its own scripts run and talks only to this server', async () => {
    const response = await fetch(`${base}/desk`);
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).not.toContain('unsafe-inline');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
  });

  it('lets its service worker serve the page\'s own address, which has no trailing slash', async () => {
    const worker = await fetch(`${base}/desk/sw.js`);
    expect(worker.status).toBe(200);
    expect(worker.headers.get('service-worker-allowed')).toBe('/desk');
    expect((await fetch(`${base}/desk/desk.js`)).headers.get('service-worker-allowed')).toBeNull();
  });

  it.each([
    ['/desk/desk.js', 200, 'text/javascript'],
    ['/staff/staff.js', 200, 'text/javascript'],
    ['/staff/staff.css', 200, 'text/css'],
  ])('serves %s', async (route, status, type) => {
    const response = await fetch(`${base}${route}`);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toContain(type);
  });

  it.each(['/desk/notes.txt', '/desk/index.html', '/desk/missing.js', '/desk/..%2Fstaff%2Fstaff.js'])('does not serve %s', async (route) => {
    expect((await fetch(`${base}${route}`)).status).toBe(404);
  });

  it('answers a repeat request for an unchanged script with 304', async () => {
    const first = await fetch(`${base}/staff/staff.js`);
    const again = await fetch(`${base}/staff/staff.js`, { headers: { 'If-None-Match': first.headers.get('etag') ?? '' } });
    expect(again.status).toBe(304);
  });
});
