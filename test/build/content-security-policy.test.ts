import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, withContentSecurityPolicy } from '../../src/build/content-security-policy.ts';

const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const directive = (policy: string, name: string) => policy.split('; ').find((part) => part.startsWith(`${name} `))?.split(' ').slice(1);

describe('the Content Security Policy written into a built page', () => {
  it('allows the page’s inline styles by their hashes, and the served build’s scripts from its origin only', () => {
    const page = '<head><meta charset="utf-8" /><style>body{margin:0}</style><script type="module" src="./a.js"></script></head>';
    const policy = contentSecurityPolicy(page, false);
    expect(directive(policy, 'script-src')).toEqual(["'self'"]);
    expect(directive(policy, 'style-src')).toEqual(["'self'", sha('body{margin:0}')]);
    expect(policy).not.toMatch(/unsafe-/);
  });

  it('hashes the single file’s one script whole, and finds its stylesheet whatever the script’s text holds', () => {
    // The script carries data: a name with "<style" and no closing tag must not swallow the real stylesheet.
    const code = 'const names = ["<style>*{display:none}", "<style"];';
    const css = '.maplibregl-map{position:relative}';
    const page = `<head><meta charset="utf-8" /><script type="module">${code}</script><style>${css}</style></head>`;
    const policy = contentSecurityPolicy(page, true);
    expect(directive(policy, 'script-src')).toEqual([sha(code)]);
    expect(directive(policy, 'style-src')).toEqual([sha(css)]);
    expect(directive(policy, 'default-src')).toEqual(["'none'"]);
  });

  it('goes right after the charset, before anything it governs, and refuses a page without one', () => {
    const page = '<head>\n    <meta charset="utf-8" />\n    <style>p{}</style></head>';
    const written = withContentSecurityPolicy(page, false);
    expect(written.indexOf('http-equiv="Content-Security-Policy"')).toBeGreaterThan(written.indexOf('charset'));
    expect(written.indexOf('http-equiv="Content-Security-Policy"')).toBeLessThan(written.indexOf('<style>'));
    expect(() => withContentSecurityPolicy('<head><style>p{}</style></head>', false)).toThrow(/charset/);
  });
});
