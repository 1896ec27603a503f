import type { Storage } from 'botbuilder';
import { WHATSAPP_CHANNEL_ID } from '../channels/whatsapp/whatsAppAdapter';
import { isLanguage, type Language } from '../i18n/language';

/** The language a consumer chose in an earlier chat, if any: their campaign message goes in it. */
export type KnownLanguage = (mobile: string) => Promise<Language | null>;

/**
 * Reads the language a WhatsApp consumer chose from the bot's user state, where botbuilder's
 * UserState (no namespace) keeps it: under "<channel>/users/<user id>/", the user id being the
 * WhatsApp address (country code and number), in the "profile" property the bot's Memory writes.
 */
export function languageChosenInChat(storage: Storage): KnownLanguage {
  return async (mobile) => {
    const key = `${WHATSAPP_CHANNEL_ID}/users/91${mobile}/`;
    const state: unknown = (await storage.read([key]))[key];
    const profile = typeof state === 'object' && state !== null && 'profile' in state ? state.profile : null;
    const language = typeof profile === 'object' && profile !== null && 'language' in profile ? profile.language : null;
    return isLanguage(language) ? language : null;
  };
}
