// Every piece of interface text, in Simplified Chinese and English. Traditional comes from OpenCC
// at build time. Placeholders: {name}.
export const MESSAGES = {
  'app.title': { zh: '科技合作地图', en: 'Cooperation Atlas' },
  'language.label': { zh: '语言', en: 'Language' },
  // The source reader (src/ui/source-reader.ts).
  'reader.close': { zh: '关闭原文', en: 'Close the source text' },
  'reader.script': { zh: '字形', en: 'Script' },
  'reader.script.original': { zh: '原文', en: 'Original' },
  'reader.text': { zh: '全文', en: 'Full text' },
  'reader.key': { zh: '标注', en: 'Key' },
  'reader.kind.partner': { zh: '合作伙伴', en: 'Partner' },
  'reader.kind.site': { zh: '合作载体', en: 'Site' },
  'reader.kind.place': { zh: '合作地点', en: 'Place' },
  'reader.mention': { zh: '{kind}:{names}', en: '{kind}: {names}' },
  'reader.passage': { zh: '所引段落', en: 'Cited passage' },
  'reader.issuer.inferred': { zh: '{issuer}(发文机关据文本推断)', en: '{issuer} (issuer inferred from the text)' },
  'reader.date.posted': { zh: '{date}(网页发布日期,原文未署日期)', en: '{date} (web posting date; the text itself is undated)' },
  'reader.loading': { zh: '正在载入原文…', en: 'Loading the text…' },
  'reader.converting': { zh: '正在转换字形…', en: 'Converting the script…' },
  'reader.error': { zh: '原文无法显示。', en: 'The source text cannot be shown.' },
  'reader.error.script': { zh: '字形转换无法载入,下面显示原文。', en: 'The script conversion could not be loaded; the original is shown below.' },
  'reader.retry': { zh: '重试', en: 'Try again' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type MessageKey = keyof typeof MESSAGES;
