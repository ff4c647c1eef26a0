import type { Ticket } from '../../server/protocol/schemas.js';
import { ApiError, api, newIdempotencyKey } from '../../ui-kit/api.js';
import type { Lang } from '../../ui-kit/i18n.js';

// One tap, one ticket: the tap's Idempotency-Key goes with every retry of that tap, so a lost
// answer retried is the same ticket, never a second one.

export interface IssueOptions {
  token: string;
  serviceId: number;
  priority: boolean;
  lang: Lang;
  /** Called before each automatic retry (the server could not be reached or failed). */
  onRetry(attempt: number): void;
  signal: AbortSignal;
  /** Stop retrying after this long (then the last error is thrown). */
  giveUpAfterMs?: number;
}

const BACKOFF_MS = [1000, 2000, 4000, 8000];

// Storage trouble on the server (disk full, read-only) does not pass in seconds: say so at once.
const retryable = (err: unknown) =>
  err instanceof ApiError && (err.status === 0 || err.status >= 500) && err.code !== 'storage_unavailable';

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new DOMException('aborted', 'AbortError'));
    }, { once: true });
  });
}

export async function issueTicket(opts: IssueOptions): Promise<Ticket> {
  const key = newIdempotencyKey();
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      return await api<Ticket>('POST', '/api/tickets', {
        token: opts.token,
        body: { serviceId: opts.serviceId, priority: opts.priority, lang: opts.lang },
        headers: { 'idempotency-key': key },
        signal: opts.signal,
      });
    } catch (err) {
      if (!retryable(err) || Date.now() - started > (opts.giveUpAfterMs ?? 120_000)) throw err;
      opts.onRetry(attempt + 1);
      await sleep(BACKOFF_MS[Math.min(attempt, BACKOFF_MS.length - 1)]!, opts.signal);
    }
  }
}
