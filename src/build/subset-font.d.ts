/** subset-font (harfbuzz's hb-subset): a font cut down to the glyphs of `text`, in the format asked for. */
declare module 'subset-font' {
  export default function subsetFont(font: Buffer, text: string, options?: { targetFormat?: 'sfnt' | 'woff' | 'woff2' }): Promise<Buffer>;
}
