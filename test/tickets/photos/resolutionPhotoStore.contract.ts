import type { ResolutionPhotoStore } from '../../../src/tickets/photos/resolutionPhotoStore';

export interface ResolutionPhotoStoreSubject {
  /** Two handles on one store, as two instances would hold them. */
  stores: [ResolutionPhotoStore, ResolutionPhotoStore];
  close(): Promise<void>;
}

/** A JPEG's first bytes and some arbitrary ones, every byte value included: stored as bytes, not text. */
const PHOTO = { contentType: 'image/jpeg' as const, bytes: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from(Array.from({ length: 256 }, (_, index) => index))]) };

/** What every resolution photo store must do, whatever keeps the bytes. */
export function describeResolutionPhotoStoreContract(name: string, open: () => Promise<ResolutionPhotoStoreSubject>): void {
  describe(`${name} (ResolutionPhotoStore contract)`, () => {
    let subject: ResolutionPhotoStoreSubject;
    beforeAll(async () => {
      subject = await open();
    });
    afterAll(() => subject.close());

    it('gives back the exact bytes and type it kept, on another instance too', async () => {
      const [one, other] = subject.stores;
      const id = await one.put('SP00000001', PHOTO);
      expect(await other.get('SP00000001', id)).toEqual(PHOTO);
    });

    it('gives each photo its own id, even of the same ticket', async () => {
      const [store] = subject.stores;
      const first = await store.put('SP00000002', PHOTO);
      const second = await store.put('SP00000002', { contentType: 'image/png', bytes: Buffer.from([0x89, 0x50]) });
      expect(first).not.toBe(second);
      expect((await store.get('SP00000002', second))?.contentType).toBe('image/png');
    });

    it('answers null for an unknown id, and for a photo asked for through another ticket', async () => {
      const [store] = subject.stores;
      const id = await store.put('SP00000003', PHOTO);
      expect(await store.get('SP00000003', 'no-such-photo')).toBeNull();
      expect(await store.get('SP00000004', id)).toBeNull();
    });
  });
}
