// Preload links for the data the first picture needs (the dataset and the two maps), so that the
// browser fetches them while it is still loading the scripts, instead of once the scripts have
// run and asked for them. The maps are emitted with hashed names: their links are written into
// the built page from the bundle.
import type { Plugin } from 'vite';

export function preloadDataPlugin({ files, publicFiles }: { files: string[]; publicFiles: string[] }): Plugin {
  const link = (href: string) => ({ tag: 'link', attrs: { rel: 'preload', href, as: 'fetch', crossorigin: '' }, injectTo: 'head' as const });
  return {
    name: 'atlas-preload-data',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }) {
        const emitted = Object.values(bundle ?? {}).flatMap((output) =>
          output.type === 'asset' && output.originalFileNames.some((name) => files.includes(name)) ? [output.fileName] : [],
        );
        // In development nothing is bundled: the scripts ask for the files as before.
        if (!bundle) return publicFiles.map(link);
        const missing = files.length - emitted.length;
        if (missing > 0) this.error(`preload-data: ${missing} of ${files.join(', ')} not found among the emitted files`);
        return [...publicFiles, ...emitted].map(link);
      },
    },
  };
}
