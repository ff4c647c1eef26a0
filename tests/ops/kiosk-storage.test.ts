import { afterEach, describe, expect, it, vi } from 'vitest';
import { issueTicket } from '../../kiosk-ui/src/issue.js';
import { TEXT } from '../../kiosk-ui/src/text.js';
import { ApiError } from '../../ui-kit/api.js';

// The kiosk and a server that cannot store tickets: it says so at once (a full disk does not
// pass in a few seconds), while a passing 5xx is still retried with the same Idempotency-Key.

afterEach(() => vi.unstubAllGlobals());

function answers(...bodies: [number, unknown][]) {
  const calls: RequestInit[] = [];
  vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
    calls.push(init);
    const [status, body] = bodies[Math.min(calls.length - 1, bodies.length - 1)]!;
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  });
  return calls;
}

const options = (onRetry = vi.fn()) => ({
  token: 'dev_x',
  serviceId: 1,
  priority: false,
  lang: 'ar' as const,
  onRetry,
  signal: new AbortController().signal,
});

describe('the kiosk when the server cannot store tickets', () => {
  it('stops at once on 503 storage_unavailable, with a message of its own', async () => {
    const calls = answers([503, { error: { code: 'storage_unavailable', message: 'cannot store the ticket: the disk is full' } }]);
    const onRetry = vi.fn();
    const err = await issueTicket(options(onRetry)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 503, code: 'storage_unavailable' });
    expect(calls).toHaveLength(1);
    expect(onRetry).not.toHaveBeenCalled();
    expect(TEXT.storageUnavailable.ar).toContain('مراجعة أحد الموظفين');
    expect(TEXT.storageUnavailable.en).toMatch(/cannot be issued right now/);
  });

  it('still retries another 5xx with the same key', async () => {
    const calls = answers([500, { error: { code: 'internal_error', message: 'internal error' } }], [201, { id: 1, number: 'B001' }]);
    const ticket = await issueTicket(options());
    expect(ticket).toMatchObject({ number: 'B001' });
    expect(calls).toHaveLength(2);
    const key = (init: RequestInit) => (init.headers as Record<string, string>)['idempotency-key'];
    expect(key(calls[0]!)).toBe(key(calls[1]!));
  });
});
