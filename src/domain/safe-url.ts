/**
 * Which data URLs may become links. Incident URLs are untrusted: only what the WHATWG URL parser reads as
 * `http:` or `https:` is a link; `javascript:`, `data:`, relative paths and garbage stay plain text.
 * A user name or password in the URL (`https://user:pw@host/`) is never part of a link: it is removed, and
 * the caller is told so it can say so next to the link.
 */

/** The slice of the WHATWG URL this module uses. */
interface ParsedUrl {
  readonly protocol: string;
  readonly href: string;
  username: string;
  password: string;
}

/** The WHATWG URL constructor, typed narrowly so this module needs no DOM lib (browsers and Node have it). */
const WhatwgUrl = (globalThis as unknown as { URL: new (input: string) => ParsedUrl }).URL;

/** A link made from a data URL. */
export interface SafeLink {
  /** Normalised absolute http(s) URL, without user name or password. */
  readonly href: string;
  /** The URL as given held a user name and/or password, which `href` leaves out. */
  readonly removedCredentials: boolean;
}

/** A link for `text` when it is an absolute http(s) URL, with any credentials removed; else null. Never throws. */
export function safeLink(text: string | null): SafeLink | null {
  if (text === null) return null;
  let parsed: ParsedUrl;
  try {
    parsed = new WhatwgUrl(text);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  const removedCredentials = parsed.username !== '' || parsed.password !== '';
  parsed.username = '';
  parsed.password = '';
  return { href: parsed.href, removedCredentials };
}

/** The normalised href when `text` is an absolute http(s) URL (never with credentials), else null. */
export function safeHttpUrl(text: string | null): string | null {
  return safeLink(text)?.href ?? null;
}
