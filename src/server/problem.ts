/**
 * Errors: ONE exception type and ONE `onError`. Every error leaves as an RFC 9457 problem
 * document (`application/problem+json`) with a message a person understands and the
 * offending parameter — never a stack trace.
 */
import { HTTPException } from 'hono/http-exception';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Problem } from '../model.ts';
import { CorruptIndexError } from '../search/index.ts';

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  412: 'Precondition failed',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
  500: 'Internal error',
  503: 'Service unavailable',
};

export class ProblemException extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly detail: string,
    readonly param?: string,
    readonly headers: Record<string, string> = {},
    /** More members of the problem document (RFC 9457 extensions: e.g. the existing source on a 409). */
    readonly extra?: Record<string, unknown>,
  ) {
    super(status, { message: detail });
  }
}

export const problem = (status: ContentfulStatusCode, detail: string, param?: string, headers?: Record<string, string>, extra?: Record<string, unknown>) => new ProblemException(status, detail, param, headers, extra);

export function problemResponse(c: Context, status: ContentfulStatusCode, detail: string, param?: string, headers: Record<string, string> = {}, extra?: Record<string, unknown>): Response {
  const body: Problem = { ...extra, type: `https://tracuu.local/problems/${status}`, title: TITLES[status] ?? 'Error', status, detail, ...(param ? { param } : {}) };
  return c.body(JSON.stringify(body), status, { 'content-type': 'application/problem+json; charset=utf-8', ...headers });
}

export function onError(log?: (line: string) => void, damaged?: (e: Error) => void) {
  return (err: Error, c: Context): Response => {
    if (err instanceof ProblemException) return problemResponse(c, err.status as ContentfulStatusCode, err.detail, err.param, err.headers, err.extra);
    if (err instanceof CorruptIndexError) {
      // Never an answer from damaged bytes: refuse, and have the index rebuilt from the sources.
      log?.(`error ${c.req.method} ${c.req.path}: ${err.message}`);
      damaged?.(err);
      return problemResponse(c, 503, 'the search index is damaged and is being rebuilt from the sources; try again shortly (GET /healthz says when it is ready)', undefined, { 'Retry-After': '10' });
    }
    if (err instanceof HTTPException) {
      // Hono's own (body limit, malformed JSON): keep the status, say it plainly.
      const status = err.status as ContentfulStatusCode;
      const detail = status === 413 ? 'the request body is too large' : err.message || TITLES[status] || 'error';
      return problemResponse(c, status, detail);
    }
    log?.(`error ${c.req.method} ${c.req.path}: ${err.stack ?? err.message}`);
    return problemResponse(c, 500, 'something went wrong on our side; it has been logged');
  };
}
