// The one error type for LINE API calls: any non-2xx or a network failure/time-out.
export class LineApiError extends Error {
  override readonly name = 'LineApiError';
  constructor(
    /** HTTP status, or 0 when no response came back (network error, time-out). */
    readonly status: number,
    readonly body: string,
    readonly requestId: string | undefined,
    readonly acceptedRequestId: string | undefined,
    readonly path: string,
  ) {
    super(`LINE API ${path} answered ${status === 0 ? 'nothing' : status}: ${body.slice(0, 300)}`);
  }

  /** The monthly message quota is used up: LINE answers 429 with this message (reference #rate-limits). */
  get isQuotaExhausted(): boolean {
    return this.status === 429 && /monthly limit/i.test(this.body);
  }

  get isRetryable(): boolean {
    return this.status === 0 || this.status >= 500 || (this.status === 429 && !this.isQuotaExhausted);
  }
}
