/**
 * The one error type Yulu throws on purpose. `code` is stable (clients match on it), `status` is
 * the HTTP status the HTTP layer maps it to, and `message` names what was wrong and what is allowed.
 */
export type YuluErrorCode =
  | 'invalid_source_meta'
  | 'invalid_errata'
  | 'source_not_found'
  | 'quote_not_found'
  | 'quote_retired'
  | 'paragraph_not_found'
  | 'invalid_span'
  | 'invalid_argument'
  | 'route_not_found'
  | 'catalog_out_of_date'
  | 'invalid_template'
  | 'quote_does_not_fit'
  | 'quote_not_drawable'
  | 'render_failed'
  | 'version_conflict'
  | 'store_unavailable'
  | 'unauthorized'
  | 'invalid_signature'
  | 'forbidden'
  | 'daily_not_found'
  | 'speaker_not_found'
  | 'overloaded'
  | 'rate_limited'
  | 'payload_too_large'
  | 'idempotency_mismatch'
  | 'day_fixed'
  | 'daily_repeat';

const defaultStatus: Record<YuluErrorCode, number> = {
  invalid_source_meta: 500,
  invalid_errata: 500,
  source_not_found: 404,
  quote_not_found: 404,
  quote_retired: 410,
  paragraph_not_found: 404,
  invalid_span: 400,
  invalid_argument: 400,
  route_not_found: 404,
  catalog_out_of_date: 500,
  invalid_template: 500,
  quote_does_not_fit: 422,
  quote_not_drawable: 422,
  render_failed: 500,
  version_conflict: 409,
  store_unavailable: 503,
  unauthorized: 401,
  invalid_signature: 403,
  forbidden: 403,
  daily_not_found: 404,
  speaker_not_found: 404,
  overloaded: 503,
  rate_limited: 429,
  payload_too_large: 413,
  idempotency_mismatch: 422,
  day_fixed: 409,
  daily_repeat: 409,
};

export class YuluError extends Error {
  readonly code: YuluErrorCode;
  readonly status: number;
  /** Seconds a client should wait before trying again (503 overloaded, 429 rate_limited). */
  readonly retryAfter: number | undefined;

  constructor(
    code: YuluErrorCode,
    message: string,
    options?: { status?: number; cause?: unknown; retryAfter?: number },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'YuluError';
    this.code = code;
    this.status = options?.status ?? defaultStatus[code];
    this.retryAfter = options?.retryAfter;
  }
}
