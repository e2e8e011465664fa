/**
 * Why an address could not be fetched, as the one line the user reads (「404 Not Found」, 「redirect loop」…).
 * `retryable` marks what may pass on a later try: 5xx answers, timeouts, dropped or refused connections.
 */
export class WebError extends Error {
  constructor(
    message: string,
    readonly retryable = false,
  ) {
    super(message);
    this.name = 'WebError';
  }
}

const UNREACHABLE = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT', 'EADDRNOTAVAIL']);
const DROPPED = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'ETIMEDOUT']);

/** A network failure of fetch (undici wraps the system error in `cause`) as a WebError. */
export function networkError(e: unknown): WebError {
  if (e instanceof WebError) return e;
  const cause = (e as { cause?: { code?: string; message?: string } })?.cause;
  const code = cause?.code ?? (e as { code?: string })?.code;
  if (code && UNREACHABLE.has(code)) return new WebError(`host unreachable (${code})`, true);
  if (code && DROPPED.has(code)) return new WebError(`connection dropped (${code})`, true);
  const message = cause?.message ?? (e as Error)?.message ?? String(e);
  return new WebError(`request failed (${code ?? message})`, true);
}
