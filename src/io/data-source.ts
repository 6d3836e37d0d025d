/**
 * Where a `?data=` link asks us to load incidents from, and whether this browser has agreed to load from
 * there. A link can point any visitor's browser at any server and have its incidents shown under our
 * name, so data from another origin is fetched only after the user agrees, once per origin (kept in this
 * browser's localStorage). Only http(s) addresses are ever fetched.
 */

/** The longest part of an address shown in a message; the rest is elided. */
const SHOWN_CHARS = 60;
const TRUSTED_KEY = 'incident-atlas.trusted-origins';

export type DataSource =
  | {
      readonly ok: true;
      readonly url: string;
      /** True when the data is on another origin than the page. */
      readonly crossOrigin: boolean;
      /** The origin's host as people read it ("evil.example", "data.example.org:8080"). */
      readonly host: string;
      readonly origin: string;
    }
  | { readonly ok: false; readonly message: string };

/**
 * The `data` parameter as it may appear in a message: quoted and shortened, never as prose of its own
 * ("data="https://example.org/a-very-long…"").
 */
export function quotedParam(name: string, value: string): string {
  const shown = value.length > SHOWN_CHARS ? `${value.slice(0, SHOWN_CHARS - 1)}…` : value;
  return `${name}=${JSON.stringify(shown)}`;
}

/** Resolves a `data` parameter against the page's address and checks its scheme. */
export function resolveDataSource(value: string, pageUrl: string): DataSource {
  let url: URL;
  try {
    url = new URL(value.trim(), pageUrl);
  } catch {
    return { ok: false, message: `The link's ${quotedParam('data', value)} is not a web address.` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return {
      ok: false,
      message: `The link's ${quotedParam('data', value)} was not loaded: only http(s) addresses can be loaded (this one is ${url.protocol.replace(/:$/, '')}:).`,
    };
  }
  const page = new URL(pageUrl);
  return {
    ok: true,
    url: url.href,
    crossOrigin: url.origin !== page.origin,
    host: url.host,
    origin: url.origin,
  };
}

/** A small store of the origins this browser agreed to load data from. Tolerates a blocked or broken storage. */
export class TrustedOrigins {
  constructor(private readonly storage: Pick<Storage, 'getItem' | 'setItem'> | null) {}

  has(origin: string): boolean {
    return this.read().includes(origin);
  }

  add(origin: string): void {
    const origins = this.read();
    if (origins.includes(origin)) return;
    try {
      this.storage?.setItem(TRUSTED_KEY, JSON.stringify([...origins, origin]));
    } catch {
      // Storage full or blocked: the answer holds for this visit only.
    }
  }

  private read(): string[] {
    try {
      const parsed: unknown = JSON.parse(this.storage?.getItem(TRUSTED_KEY) ?? '[]');
      return Array.isArray(parsed) ? parsed.filter((o): o is string => typeof o === 'string') : [];
    } catch {
      return [];
    }
  }
}
