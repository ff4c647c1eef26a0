import { io } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { readConfig } from '../../server/config.js';
import { bearer, startHall, type TestHall } from '../helpers/hall.js';

// Behind a reverse proxy (docs/install.md §4) every request comes from the proxy's address: with
// TRUST_PROXY naming it, X-Forwarded-For tells the citizens and clerks apart (each their own
// login limit, each phone its own wrong tracking codes) and X-Forwarded-Proto makes the session
// cookie Secure; without it, both headers are anybody's word and are ignored.

const PROXY = '127.0.0.1';

let hall: TestHall;
afterEach(() => hall.close());

/** A login as `admin`, sent by `from` (the socket's address) on behalf of `client`. */
const login = (client: string | null, from = PROXY, headers: Record<string, string> = {}) =>
  hall.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress: from,
    headers: { ...(client ? { 'x-forwarded-for': client } : {}), ...headers },
    payload: { username: 'admin', password: hall.adminPassword },
  });

async function useUpLoginLimit(client: string | null, from = PROXY) {
  for (let i = 0; i < 10; i++) expect((await login(client, from)).statusCode).toBe(200);
  expect((await login(client, from)).statusCode).toBe(429);
}

describe('behind a trusted proxy (TRUST_PROXY)', () => {
  it('gives each client behind the proxy its own login limit', async () => {
    hall = await startHall({ config: { TRUST_PROXY: [PROXY] } });
    await useUpLoginLimit('203.0.113.5');
    expect((await login('203.0.113.6')).statusCode).toBe(200);
  });

  it("believes X-Forwarded-For from the proxy only: a direct client's own header is ignored", async () => {
    hall = await startHall({ config: { TRUST_PROXY: [PROXY] } });
    await useUpLoginLimit('203.0.113.5', '192.168.1.50');
    expect((await login('203.0.113.99', '192.168.1.50')).statusCode).toBe(429);
  });

  it('marks the session cookie Secure, and sends HSTS, when the proxy says the request came over HTTPS', async () => {
    hall = await startHall({ config: { TRUST_PROXY: [PROXY] } });
    const https = await login('203.0.113.5', PROXY, { 'x-forwarded-proto': 'https' });
    expect(String(https.headers['set-cookie'])).toMatch(/;\s*Secure/i);
    expect(https.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    const http = await login('203.0.113.5', PROXY, { 'x-forwarded-proto': 'http' });
    expect(String(http.headers['set-cookie'])).not.toMatch(/Secure/i);
    expect(http.headers['strict-transport-security']).toBeUndefined();
  });
});

/** A /track handshake for `trackingCode` from the phone at `client`, through the proxy: its answer. */
async function track(base: string, trackingCode: string, client: string): Promise<string> {
  const socket = io(`${base}/track`, {
    auth: { trackingCode },
    extraHeaders: { 'x-forwarded-for': client },
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
  });
  const answer = await new Promise<string>((resolve) => {
    socket.once('connect', () => resolve('connected'));
    socket.once('connect_error', (err) => resolve(err.message));
  });
  socket.close();
  return answer;
}

async function guessCodes(base: string, client: string) {
  for (let i = 0; i < 60; i++) expect(await track(base, `guess-${i}`, client)).toBe('unauthorized');
}

async function issuedCode() {
  const res = await hall.app.inject({ method: 'POST', url: '/api/tickets', headers: bearer(hall.tokens.kiosk), payload: { serviceId: 1 } });
  return res.json().trackingCode as string;
}

describe('/track behind the proxy', () => {
  it('gives each phone its own limit of wrong tracking codes with TRUST_PROXY', async () => {
    hall = await startHall({ config: { TRUST_PROXY: [PROXY] } });
    const base = await hall.listen();
    const code = await issuedCode();
    await guessCodes(base, '203.0.113.5');
    expect(await track(base, code, '203.0.113.5')).toBe('unauthorized');
    expect(await track(base, code, '203.0.113.6')).toBe('connected');
  });

  it('ignores X-Forwarded-For without it', async () => {
    hall = await startHall();
    const base = await hall.listen();
    const code = await issuedCode();
    await guessCodes(base, '203.0.113.5');
    expect(await track(base, code, '203.0.113.6')).toBe('unauthorized');
  });
});

describe('without TRUST_PROXY', () => {
  it('ignores X-Forwarded-For: one address, one login limit, whatever the header says', async () => {
    hall = await startHall();
    await useUpLoginLimit('203.0.113.5');
    expect((await login('203.0.113.6')).statusCode).toBe(429);
  });

  it('ignores X-Forwarded-Proto: no Secure cookie and no HSTS over plain HTTP', async () => {
    hall = await startHall();
    const res = await login(null, PROXY, { 'x-forwarded-proto': 'https' });
    expect(String(res.headers['set-cookie'])).not.toMatch(/Secure/i);
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });
});

describe('TRUST_PROXY', () => {
  const trust = (TRUST_PROXY: string) => readConfig({ TRUST_PROXY }).TRUST_PROXY;

  it('takes addresses, CIDRs and range names, comma-separated', () => {
    expect(trust('127.0.0.1')).toEqual(['127.0.0.1']);
    expect(trust('10.0.0.0/8, ::1,loopback')).toEqual(['10.0.0.0/8', '::1', 'loopback']);
    expect(trust('')).toBeUndefined();
  });

  it.each(['true', '1', 'nginx', '10.0.0.0/33', '::1/129', '127.0.0.1,', '127.0.0.1/8/8'])('refuses %j, naming the setting', (value) => {
    expect(() => trust(value)).toThrow(/TRUST_PROXY: must list the proxy's addresses/);
  });
});
