import { z } from 'zod';
import { RESOLUTION_PHOTO_MAX_BYTES, ResolutionPhotoTypeSchema, type ResolutionPhoto, type ResolutionPhotoType } from './resolutionPhotoStore';

/** A photo as the field page sends it inside the resolve request: its type and base64 bytes. */
export const ResolutionPhotoInputSchema = z.object({
  contentType: ResolutionPhotoTypeSchema,
  // Base64 of at most the limit (4 characters per 3 bytes), checked again once decoded.
  data: z
    .string()
    .max(Math.ceil(RESOLUTION_PHOTO_MAX_BYTES / 3) * 4)
    .regex(/^[A-Za-z0-9+/]+={0,2}$/),
});
export type ResolutionPhotoInput = z.infer<typeof ResolutionPhotoInputSchema>;

/** The first bytes each image type starts with: a photo must be what it says it is. */
const SIGNATURES: Record<ResolutionPhotoType, (bytes: Buffer) => boolean> = {
  'image/jpeg': (bytes) => bytes.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff])),
  'image/png': (bytes) => bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/webp': (bytes) => bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP',
};

/** The photo decoded, or why it is refused: too large, or not the image it claims to be. */
export function decodeResolutionPhoto(input: ResolutionPhotoInput): ResolutionPhoto | 'photo_too_large' | 'photo_unreadable' {
  const bytes = Buffer.from(input.data, 'base64');
  if (bytes.length > RESOLUTION_PHOTO_MAX_BYTES) return 'photo_too_large';
  if (!SIGNATURES[input.contentType](bytes)) return 'photo_unreadable';
  return { contentType: input.contentType, bytes };
}
