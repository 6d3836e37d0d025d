/**
 * Which data URLs may become links. Incident URLs are untrusted: only what the WHATWG URL parser reads as
 * `http:` or `https:` is a link; `javascript:`, `data:`, relative paths and garbage stay plain text.
 */

/** The WHATWG URL constructor, typed narrowly so this module needs no DOM lib (browsers and Node have it). */
const WhatwgUrl = (
  globalThis as unknown as { URL: new (input: string) => { protocol: string; href: string } }
).URL;

/** The normalised href when `text` is an absolute http(s) URL, else null. Never throws. */
export function safeHttpUrl(text: string | null): string | null {
  if (text === null) return null;
  let parsed: { protocol: string; href: string };
  try {
    parsed = new WhatwgUrl(text);
  } catch {
    return null;
  }
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
}
