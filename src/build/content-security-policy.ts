// The page's Content Security Policy, written into the built HTML as a <meta> (so it holds on any
// server, from a USB stick and from file://) and printed for servers that would rather send it as
// a header (README, "Content Security Policy"). Nothing runs that the build did not write: no
// inline script, no eval, no other origin. The page's one inline <style> (index.html's critical
// styles, shown before any script runs) is allowed by its hash, not by 'unsafe-inline'.
import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';

type Directives = Readonly<Record<string, readonly string[]>>;

/** The ordinary build: every file comes from the page's own origin. */
const SERVED: Directives = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  // MapLibre's stylesheet draws its control icons as data: SVGs; a PNG's frame is an SVG drawn
  // through a blob: URL (map/figure-png.ts).
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  // MapLibre's worker, the comets' worker and the service worker, each a file of the build.
  'worker-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'none'"],
};

/**
 * The single file (npm run build:single) carries everything inline: its scripts by their hashes,
 * the workers (MapLibre's, the comets') and the fonts as data: URLs. From file:// 'self' matches
 * nothing, so it is left out.
 */
const SINGLE: Directives = {
  ...SERVED,
  'default-src': ["'none'"],
  'script-src': [],
  'style-src': [],
  'img-src': ['data:', 'blob:'],
  'font-src': ['data:'],
  'connect-src': ['data:'],
  'worker-src': ['data:'],
  'base-uri': ["'none'"],
};

const hash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
/** Inline scripts (an element with no src), each whole: their text may hold anything but `</script`. */
const SCRIPT = /<script\b(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g;
const STYLE = /<style\b[^>]*>([\s\S]*?)<\/style>/g;
const inlineScripts = (html: string) => [...html.matchAll(SCRIPT)].map((m) => hash(m[1]!));
/** Styles are looked for outside the scripts: a script's text (the single file's data) may hold `<style`. */
const inlineStyles = (html: string) => [...html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '').matchAll(STYLE)].map((m) => hash(m[1]!));

/** The policy for a built page: the build's directives, with the hashes of the page's inline scripts and styles. */
export function contentSecurityPolicy(html: string, single: boolean): string {
  const directives = single ? SINGLE : SERVED;
  const extra: Record<string, string[]> = { 'script-src': inlineScripts(html), 'style-src': inlineStyles(html) };
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...sources, ...(extra[name] ?? [])].join(' '))
    .join('; ');
}

/** The page with its policy as the first thing in its head, before anything the policy governs. */
export function withContentSecurityPolicy(html: string, single: boolean): string {
  const policy = contentSecurityPolicy(html, single);
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
  if (!/<meta charset="utf-8" \/>/i.test(html)) throw new Error('content security policy: the page has no <meta charset="utf-8" /> to put the policy after');
  return html.replace(/<meta charset="utf-8" \/>/i, (charset) => `${charset}\n    ${meta}`);
}

/** Writes the policy into the ordinary build's index.html (the single-file plugin does its own page). */
export function contentSecurityPolicyPlugin(): Plugin {
  return {
    name: 'atlas-content-security-policy',
    apply: 'build',
    enforce: 'post',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const page = bundle['index.html'];
        if (page?.type === 'asset') page.source = withContentSecurityPolicy(String(page.source), false);
      },
    },
  };
}
