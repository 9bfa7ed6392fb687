/**
 * What protects the API: CORS for an allowlist of origins, bearer tokens (compared in
 * constant time), a per-client rate limit (hono-rate-limiter) answering 429 + Retry-After,
 * secure headers with a CSP that allows our own scripts and styles only.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { rateLimiter } from 'hono-rate-limiter';
import type { AppDeps } from './deps.ts';
import { problem, problemResponse } from './problem.ts';

const CORS_METHODS = 'GET, HEAD, POST, PUT, DELETE, OPTIONS';
const CORS_HEADERS = 'Content-Type, Authorization, If-None-Match, If-Match';
const CORS_EXPOSE = 'ETag, Location, Retry-After, RateLimit, RateLimit-Policy';

/**
 * CORS for an allowlist of origins (the intranet pages that embed the widget). Our own small
 * middleware rather than hono/cors: that one adds `Vary` with `c.header()` after the handler,
 * which turns every finished response into a stream copy of itself; here the headers are set on
 * the response as it is. Disallowed origins get no Access-Control headers (the browser refuses).
 */
export function corsFor(origins: string[]): MiddlewareHandler {
  const allowed = new Set(origins.map((o) => o.replace(/\/+$/, '')));
  return async (c, next) => {
    const origin = c.req.header('origin');
    const ok = origin !== undefined && allowed.has(origin);
    if (c.req.method === 'OPTIONS' && c.req.header('access-control-request-method')) {
      const headers = new Headers({ Vary: 'Origin' });
      if (ok) {
        headers.set('Access-Control-Allow-Origin', origin);
        headers.set('Access-Control-Allow-Methods', CORS_METHODS);
        headers.set('Access-Control-Allow-Headers', CORS_HEADERS);
        headers.set('Access-Control-Max-Age', '600');
      }
      return new Response(null, { status: 204, headers });
    }
    await next();
    const headers = c.res.headers;
    if (ok) {
      headers.set('Access-Control-Allow-Origin', origin);
      headers.set('Access-Control-Expose-Headers', CORS_EXPOSE);
    }
    headers.append('Vary', 'Origin');
  };
}

export const pageHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    fontSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: ["'self'"],
  },
  // The widget script is loaded by other sites: let them.
  crossOriginResourcePolicy: 'cross-origin',
  crossOriginEmbedderPolicy: false,
  referrerPolicy: 'same-origin',
});

const encoder = new TextEncoder();

/** Constant-time comparison of two secrets: hash both, compare every byte. */
export async function sameSecret(given: string, expected: string): Promise<boolean> {
  const [a, b] = await Promise.all([crypto.subtle.digest('SHA-256', encoder.encode(given)), crypto.subtle.digest('SHA-256', encoder.encode(expected))]);
  const x = new Uint8Array(a);
  const y = new Uint8Array(b);
  let diff = 0;
  for (let i = 0; i < x.length; i++) diff |= x[i]! ^ y[i]!;
  return diff === 0;
}

function bearer(c: Context): string | undefined {
  const h = c.req.header('authorization') ?? '';
  const m = /^Bearer\s+(.+)$/i.exec(h);
  return m?.[1]?.trim();
}

/** Requires `Authorization: Bearer <token>`; 401 without one, 403 with a wrong one. */
export function requireToken(token: () => string | undefined, what: string): MiddlewareHandler {
  return async (c, next) => {
    const expected = token();
    if (!expected) return next();
    const given = bearer(c);
    if (!given) throw problem(401, `${what} needs "Authorization: Bearer <token>"`, 'authorization', { 'WWW-Authenticate': 'Bearer realm="tracuu"' });
    if (!(await sameSecret(given, expected))) throw problem(403, 'the token is not valid', 'authorization');
    return next();
  };
}

export function rateLimit(deps: AppDeps): MiddlewareHandler {
  const perMinute = deps.config.rateLimitPerMinute ?? 0;
  if (!perMinute) return (_c, next) => next();
  return rateLimiter({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-7',
    keyGenerator: (c) => deps.clientKey?.(c) ?? c.req.header('x-forwarded-for')?.split(',')[0]?.trim() ?? 'local',
    handler: (c) => {
      const reset = c.get('rateLimit' as never) as { resetTime?: Date } | undefined;
      const seconds = Math.max(1, Math.ceil(((reset?.resetTime?.getTime() ?? Date.now() + 60_000) - Date.now()) / 1000));
      return problemResponse(c, 429, `too many requests: at most ${perMinute} a minute; try again in ${seconds} s`, undefined, { 'Retry-After': String(seconds) });
    },
  });
}

/** Methods that read: a token that guards GET guards HEAD too (HEAD answers whether a thing exists). */
export const isRead = (method: string): boolean => method === 'GET' || method === 'HEAD';

/**
 * The media type of the request, lower-cased and without parameters ("Application/JSON;
 * charset=utf-8" → "application/json"): media types are case-insensitive (RFC 9110 §8.3.1).
 */
export function mediaType(c: Context): string {
  return (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
}

/**
 * The request body, refused with 413 as soon as it passes `max` bytes: a declared
 * Content-Length over the limit is refused before a byte is read; otherwise the stream is
 * read chunk by chunk and cancelled the moment the count passes the limit, so a client
 * sending gigabytes costs at most `max` bytes of memory.
 */
export async function readLimited(c: Context, max: number, what = 'the body'): Promise<Uint8Array<ArrayBuffer>> {
  const tooLarge = () => problem(413, `${what} is larger than ${max.toLocaleString('en')} bytes`, 'body');
  const declared = c.req.header('content-length');
  if (declared !== undefined && /^\d+$/.test(declared.trim()) && Number(declared) > max) throw tooLarge();
  const body = c.req.raw.body;
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel('body too large').catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const ch of chunks) {
    out.set(ch, at);
    at += ch.byteLength;
  }
  return out;
}
