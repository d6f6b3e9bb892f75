/**
 * The origin check (API.md v2): a state-changing request (anything but GET, HEAD, OPTIONS) that a
 * browser sends from another origin is refused. Browsers say where a request comes from in
 * `Sec-Fetch-Site` (same-origin, same-site, cross-site, none) and `Origin`; either one naming another
 * origin refuses it. A request with neither header (curl, scripts) is judged by its session alone.
 * Another port of the same host is another origin (and, for cookies, the same site: SameSite=Strict
 * alone would not stop it).
 */
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface OriginHeaders {
  origin?: string | null;
  secFetchSite?: string | null;
  /** The Host header the request was sent to (falls back to the URL's host). */
  host?: string | null;
}

/** Why the request is refused (a short English phrase for the log), or null when it may proceed. */
export function crossOriginReason(method: string, url: string, h: OriginHeaders): string | null {
  if (SAFE.has(method.toUpperCase())) return null;
  const site = h.secFetchSite?.trim().toLowerCase();
  if (site && site !== 'same-origin' && site !== 'none') return `sec-fetch-site ${site}`;
  const origin = h.origin?.trim();
  if (origin === undefined || origin === '') return null;
  if (origin === 'null') return 'opaque origin';
  let from: URL;
  try {
    from = new URL(origin);
  } catch {
    return 'malformed origin';
  }
  let ownHost = h.host?.trim().toLowerCase();
  if (!ownHost) {
    try {
      ownHost = new URL(url).host.toLowerCase();
    } catch {
      return 'no host';
    }
  }
  return from.host.toLowerCase() === ownHost ? null : `origin ${from.host}`;
}
