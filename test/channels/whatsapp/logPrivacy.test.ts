import { Writable } from 'node:stream';
import { createLogger } from '../../../src/log/logger';
import { startWhatsApp, WhatsAppUser } from './whatsAppHarness';
import { message, postWebhook, RAMESH, status, text, webhookOf } from './webhookClient';

/** A wamid as Meta makes them: base64 of data that holds the sender's number. */
const REALISTIC_WAMID = `wamid.${Buffer.from(`\u001c\u0018\f${RAMESH}\u0015\u0002\u0000\u0012\u0018\u00143A4A6599AEE038101441`).toString('base64')}`;

describe('the WhatsApp channel\'s logs', () => {
  it('never carry the sender\'s number, name or wamid, even at debug level and through failures', async () => {
    let written = '';
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        written += chunk.toString();
        done();
      },
    });
    const running = await startWhatsApp({ logger: createLogger('debug', sink) });
    try {
      const user = new WhatsAppUser(running, RAMESH);
      running.fake.failNext(1, { kind: 'status', status: 500 });
      await user.send(text(RAMESH, 'मेरा बैलेंस कितना है, मेरा नंबर 9876500001 है', { id: REALISTIC_WAMID }));
      await user.send(message(RAMESH, 'sticker', { sticker: { id: '1' } }));
      await user.say('1');
      const sent = running.fake.sent.at(-1)!.wamid;
      expect((await postWebhook(running.url, webhookOf([], [status(sent, 'failed', { errors: [{ code: 131026, title: 'Message undeliverable' }] })]))).status).toBe(200);
      await postWebhook(running.url, webhookOf([text(RAMESH, 'tampered')]), { signature: 'sha256=00' });
      await running.quiet();
    } finally {
      await running.close();
    }
    expect(written).toContain('whatsapp');
    for (const secret of ['9876500001', REALISTIC_WAMID, REALISTIC_WAMID.slice(6, 30), 'Ramesh']) {
      expect(written).not.toContain(secret);
    }
  });
});
