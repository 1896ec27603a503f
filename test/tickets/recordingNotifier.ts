import type { ConsumerContact, ConsumerNotice, ConsumerNotifier, NoticeOutcome } from '../../src/notify/consumerNotifier';

/** A ConsumerNotifier that keeps what it was asked to send, and can be told to refuse. */
export class RecordingNotifier implements ConsumerNotifier {
  readonly sent: { contact: ConsumerContact; notice: ConsumerNotice }[] = [];
  refuse = false;

  async notify(contact: ConsumerContact, notice: ConsumerNotice): Promise<NoticeOutcome> {
    if (this.refuse) throw new Error('channel down');
    this.sent.push({ contact, notice });
    return { delivered: true };
  }
}
