// The reader's Simplified and Traditional views, made by OpenCC in the browser. Its dictionaries
// are large (the Simplified→Traditional phrases alone are about 1 MB), so each direction is its
// own chunk, fetched the first time someone asks for that script.
import type { Script } from './view-state.ts';

/** Text in, text out, of the same length: offsets into the original hold in the result. */
export type ScriptConverter = (text: string) => string;

/**
 * `convert`, made to keep the length of what it is given. OpenCC's character tables map one
 * character to one, but its phrase tables may not; where a conversion changes the length, the
 * text is converted character by character instead, and a character whose conversion would still
 * change the length stays as it is.
 */
export function keepingLength(convert: ScriptConverter): ScriptConverter {
  return (text) => {
    const whole = convert(text);
    if (whole.length === text.length) return whole;
    let kept = '';
    for (const char of text) {
      const converted = convert(char);
      kept += converted.length === char.length ? converted : char;
    }
    return kept;
  };
}

const unchanged: ScriptConverter = (text) => text;

/**
 * OpenCC's `tw` locale is Traditional characters with Taiwan's variants but no change of
 * vocabulary (that would be `twp`): character for character, so the reader's offsets hold.
 * Each preset bundles only its own direction's dictionaries.
 */
const OPENCC: Record<Exclude<Script, 'original'>, () => Promise<ScriptConverter>> = {
  'zh-Hans': async () => (await import('opencc-js/t2cn')).Converter({ from: 'tw', to: 'cn' }),
  'zh-Hant': async () => (await import('opencc-js/cn2t')).Converter({ from: 'cn', to: 'tw' }),
};

const loaded = new Map<Script, Promise<ScriptConverter>>();

/** The converter to a script, loaded once; a failed load is forgotten, so asking again retries. */
export function loadConverter(script: Script): Promise<ScriptConverter> {
  if (script === 'original') return Promise.resolve(unchanged);
  let converter = loaded.get(script);
  if (!converter) {
    converter = OPENCC[script]().then(keepingLength);
    converter.catch(() => loaded.delete(script));
    loaded.set(script, converter);
  }
  return converter;
}
