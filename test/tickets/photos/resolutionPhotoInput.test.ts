import { decodeResolutionPhoto, ResolutionPhotoInputSchema } from '../../../src/tickets/photos/resolutionPhotoInput';
import { RESOLUTION_PHOTO_MAX_BYTES } from '../../../src/tickets/photos/resolutionPhotoStore';

const jpeg = (size: number) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(size - 4, 7)]);

describe('a resolution photo as the field page sends it', () => {
  it('is decoded when it is the image type it claims', () => {
    const bytes = jpeg(1000);
    expect(decodeResolutionPhoto({ contentType: 'image/jpeg', data: bytes.toString('base64') })).toEqual({ contentType: 'image/jpeg', bytes });
    const webp = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')]);
    expect(decodeResolutionPhoto({ contentType: 'image/webp', data: webp.toString('base64') })).toMatchObject({ contentType: 'image/webp' });
  });

  it('is refused when it is not that image (a script, a PDF), or larger than the limit', () => {
    expect(decodeResolutionPhoto({ contentType: 'image/png', data: jpeg(100).toString('base64') })).toBe('photo_unreadable');
    expect(decodeResolutionPhoto({ contentType: 'image/jpeg', data: Buffer.from('%PDF-1.7').toString('base64') })).toBe('photo_unreadable');
    expect(decodeResolutionPhoto({ contentType: 'image/jpeg', data: jpeg(RESOLUTION_PHOTO_MAX_BYTES + 1).toString('base64') })).toBe('photo_too_large');
  });

  it('is refused before decoding when the text is not base64, far too long, or of another type', () => {
    expect(ResolutionPhotoInputSchema.safeParse({ contentType: 'image/jpeg', data: '<svg onload=alert(1)>' }).success).toBe(false);
    expect(ResolutionPhotoInputSchema.safeParse({ contentType: 'image/jpeg', data: 'A'.repeat(RESOLUTION_PHOTO_MAX_BYTES * 2) }).success).toBe(false);
    expect(ResolutionPhotoInputSchema.safeParse({ contentType: 'image/svg+xml', data: 'AAAA' }).success).toBe(false);
  });
});
