import { Writable } from 'node:stream';
import { createLogger } from '../../src/log/logger';

function capture(): { lines: string[]; stream: Writable } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { lines, stream };
}

describe('logs', () => {
  it('never carry a name, mobile, address, OTP or message text, however deep', () => {
    const { lines, stream } = capture();
    const logger = createLogger('info', stream);
    logger.info(
      {
        consumer: { name: 'Ramesh Kumar', mobile: '9876500001', address: 'Kankarbagh Road 5' },
        request: { newMobile: '9123456789', otp: '123456' },
        activity: { text: 'mera naam Ramesh hai' },
        ticket: 'SP00000018',
      },
      'escalated',
    );
    const written = lines.join('');
    for (const secret of ['Ramesh', '9876500001', 'Kankarbagh', '9123456789', '123456"', 'mera naam']) {
      expect(written).not.toContain(secret);
    }
    expect(written).toContain('SP00000018');
    expect(written).toContain('[redacted]');
  });
});
