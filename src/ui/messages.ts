// Every piece of interface text, in Simplified Chinese and English. Traditional comes from OpenCC
// at build time. Placeholders: {name}.
export const MESSAGES = {
  'app.title': { zh: '科技合作地图', en: 'Cooperation Atlas' },
  'language.label': { zh: '语言', en: 'Language' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type MessageKey = keyof typeof MESSAGES;
