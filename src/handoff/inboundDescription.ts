import type { Activity, Attachment, Entity } from 'botbuilder';

/** Longest reference kept per item: a URL an agent can open, not a data URL of the photo itself. */
const MAX_REFERENCE_LENGTH = 300;

/**
 * What the consumer sent, in words for the agent's transcript: the text, then a short note with a
 * reference for each photo, document, location or other thing that came with it, so nothing the
 * consumer sends while with an agent is dropped. Notes are in English, like the rest of the agent side.
 */
export function describeInbound(activity: Partial<Activity>): string {
  const parts = [
    (activity.text ?? '').trim(),
    ...(activity.attachments ?? []).map(describeAttachment),
    ...(activity.entities ?? []).flatMap(describeEntity),
  ].filter(Boolean);
  if (parts.length > 0) return parts.join(' ');
  // A kind the channel could not put into text or attachments (WhatsApp names it in channelData).
  const kind = (activity.channelData as { whatsappKind?: unknown } | undefined)?.whatsappKind;
  return typeof kind === 'string' ? `[${kind} message]` : '[message without text]';
}

function describeAttachment(attachment: Attachment): string {
  const type = attachment.contentType ?? '';
  const kind = type.startsWith('image/')
    ? 'photo'
    : type.startsWith('video/')
      ? 'video'
      : type.startsWith('audio/')
        ? 'voice note'
        : type.startsWith('application/vnd.microsoft.card')
          ? 'card'
          : 'document';
  const reference = [attachment.name, openableUrl(attachment.contentUrl)].filter(Boolean).join(' ');
  return `[${kind}${reference ? `: ${reference}` : ` (${type || 'unknown type'})`}]`;
}

/** A location shared as Bot Framework's GeoCoordinates, or a Place that carries them. */
function describeEntity(entity: Entity): string[] {
  if (entity.type !== 'GeoCoordinates' && entity.type !== 'Place') return [];
  const place = entity as { name?: unknown; geo?: unknown };
  const geo = (entity.type === 'Place' ? place.geo : entity) as { latitude?: unknown; longitude?: unknown } | undefined;
  if (typeof geo?.latitude !== 'number' || typeof geo.longitude !== 'number') return [];
  const name = typeof place.name === 'string' && place.name ? ` ${place.name}` : '';
  return [`[location:${name} https://maps.google.com/?q=${geo.latitude.toFixed(6)},${geo.longitude.toFixed(6)}]`];
}

/** A link an agent can open; an inline data URL says only that the file came inline. */
function openableUrl(url: string | undefined): string {
  if (!url) return '';
  if (url.startsWith('data:')) return '(sent inline)';
  return url.length > MAX_REFERENCE_LENGTH ? `${url.slice(0, MAX_REFERENCE_LENGTH)}…` : url;
}
