import type { EventBatch, HallEvent, HallStatus } from '../../server/protocol/city.js';
import type { TestCity } from '../helpers/city.js';

// Small pieces the city's tests share: logging in, posting a batch as a hall.

export async function cityLogin(city: TestCity, username = 'admin', password = city.adminPassword): Promise<string> {
  const res = await fetch(`${city.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (res.status !== 200) throw new Error(`city login ${username}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export async function call(city: TestCity, method: string, path: string, token?: string, body?: unknown) {
  const res = await fetch(city.url + path, {
    method,
    headers: { ...(token ? bearer(token) : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, text, json: () => JSON.parse(text) };
}

export function status(at: number, change: Partial<HallStatus> = {}): HallStatus {
  return {
    at,
    timeZone: 'Asia/Damascus',
    day: new Date(at + 3 * 3_600_000).toISOString().slice(0, 10),
    openNow: true,
    waiting: 4,
    longestWaitS: 300,
    longestWaitTargetS: 600,
    countersOpen: 2,
    issuedToday: 12,
    servedToday: 8,
    services: [],
    ...change,
  };
}

/** A counter opening, numbered `seq`: the smallest valid event. */
export const counterEvent = (seq: number, at = 1_700_000_000_000): HallEvent => ({
  seq,
  kind: 'counter',
  at,
  counterId: 1,
  counterNumber: 1,
  state: 'open',
  userId: null,
});

export function batch(events: HallEvent[], at = Date.now(), configVersion = 0): EventBatch {
  return { events, status: status(at), configVersion };
}

export async function createHall(city: TestCity, admin: string, en = 'Citizen Service Centre — Mezzeh', ar = 'مركز خدمة المواطن — المزة') {
  const res = await call(city, 'POST', '/api/city/halls', admin, { name: { ar, en }, timeZone: 'Asia/Damascus' });
  if (res.status !== 201) throw new Error(`create hall: ${res.status} ${res.text}`);
  return res.json() as { id: number; token: string };
}
