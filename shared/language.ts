// The languages the CRM speaks to people in: Turkish first, English second. Declared once here.
export const languages = ['tr', 'en'] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = 'tr';
