// The JSON API (openapi.yaml): the session's CSRF token on every state-changing request, problem+json as errors.
import { current } from './i18n.js';

let csrfToken = 'before-sign-in';
const activity = new Set();
const endings = new Set();

/** A problem+json answer (or no answer at all: code "network"). */
export class Problem extends Error {
  constructor(status, body) {
    super(body.code || 'unknown');
    this.status = status;
    this.code = body.code || 'unknown';
    this.errors = Array.isArray(body.errors) ? body.errors : [];
    this.requestId = body.requestId || '';
    // The service's own words (in the language asked for): only shown where a page expects them, marked data-api.
    this.detail = body.detail || '';
    this.retryAt = null;
  }
}

export function useCsrfToken(token) {
  csrfToken = token || 'before-sign-in';
}

/** Called after every answer from the service: the session's idle timer started again. */
export function onActivity(listener) {
  activity.add(listener);
}

/** Called when the service says nobody is signed in any more (401 on a signed-in call). */
export function onSessionEnded(listener) {
  endings.add(listener);
}

/** A fresh key for one form: a double submit is stored once (Idempotency-Key). */
export function newKey() {
  return crypto.randomUUID();
}

/** When a refused request may be tried again (Retry-After: seconds or an HTTP date), or null. */
export function retryAt(header, now = Date.now()) {
  if (!header) {
    return null;
  }
  const seconds = /^\d+$/.test(header.trim()) ? Number(header.trim()) : null;
  const at = seconds !== null ? now + seconds * 1000 : Date.parse(header);
  return Number.isNaN(at) ? null : new Date(at);
}

export async function request(method, path, body, options = {}) {
  const headers = { Accept: options.accept || 'application/json', 'Accept-Language': current() };
  let payload;
  if (method !== 'GET') {
    headers['X-CSRF-Token'] = csrfToken;
  }
  if (options.key) {
    headers['Idempotency-Key'] = options.key;
  }
  if (body instanceof Blob) {
    payload = body;
    headers['Content-Type'] = body.type || 'application/octet-stream';
    headers['X-File-Name'] = encodeURIComponent(options.fileName || 'file');
  } else if (body !== undefined) {
    payload = JSON.stringify(body);
    headers['Content-Type'] = 'application/json';
  }
  let response;
  try {
    response = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  } catch {
    throw new Problem(0, { code: 'network' });
  }
  const type = response.headers.get('Content-Type') || '';
  if (!response.ok) {
    const problem = type.includes('json') ? await response.json().catch(() => ({})) : {};
    if (response.status === 401 && !options.signingIn) {
      endings.forEach((listener) => listener());
    }
    const refused = new Problem(response.status, problem);
    refused.retryAt = retryAt(response.headers.get('Retry-After'));
    throw refused;
  }
  activity.forEach((listener) => listener());
  if (response.status === 204) {
    return null;
  }
  return type.includes('json') ? response.json() : response.text();
}

/**
 * Ends the session on the service while the page goes away (quick exit): keepalive lets the request finish after the
 * page is replaced. Nothing is awaited: leaving must never wait for the network.
 */
export function endSessionWhileLeaving() {
  try {
    fetch('/api/session', {
      method: 'DELETE', keepalive: true, credentials: 'same-origin',
      headers: { Accept: 'application/json', 'X-CSRF-Token': csrfToken },
    }).catch(() => {});
  } catch {
    // No network or no fetch: the server's idle limit ends the session.
  }
}

export const get = (path) => request('GET', path);
export const post = (path, body, options) => request('POST', path, body, options);
export const put = (path, body, options) => request('PUT', path, body, options);
export const patch = (path, body) => request('PATCH', path, body);
export const del = (path) => request('DELETE', path);
