import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../../src/projectRoot';

function sources(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return sources(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/**
 * The consumer dialog offers the connections of the number `setVerifiedMobile` vouches for, so only
 * code holding proof of the number may call it: the WhatsApp adapter, for webhooks it verified.
 */
describe('who may vouch for a sender\'s mobile number', () => {
  it('is the WhatsApp adapter alone, in the whole of src/ and dialogs/', () => {
    const root = projectRoot();
    const callers = [...sources(path.join(root, 'src')), ...sources(path.join(root, 'dialogs'))]
      .filter((file) => /setVerifiedMobile\s*\(/.test(fs.readFileSync(file, 'utf8')))
      .map((file) => path.relative(root, file))
      .filter((file) => file !== path.join('src', 'conversations', 'verifiedSender.ts'));
    expect(callers).toEqual([path.join('src', 'channels', 'whatsapp', 'whatsAppAdapter.ts')]);
  });
});
