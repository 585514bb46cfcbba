import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { TranslationMessages } from 'react-admin';
import { en } from '../i18n/en';
import { ru } from '../i18n/ru';

const messages: Record<string, TranslationMessages> = { en: en as TranslationMessages, ru: ru as TranslationMessages };

/** English and Russian; the app bar's language menu switches (react-admin keeps the choice). */
export const i18nProvider = polyglotI18nProvider((locale) => messages[locale] ?? en, navigator.language.startsWith('ru') ? 'ru' : 'en', [
  { locale: 'en', name: 'English' },
  { locale: 'ru', name: 'Русский' },
]);
