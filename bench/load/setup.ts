import { join } from 'node:path';
import type { HttpClient } from './http.js';

// The hall as the benchmark needs it, made through the public API of a freshly seeded demo hall.

export type Headers = Record<string, string>;

/** Logs a demo user in (they all have the admin's password) and answers the header to send. */
export async function login(http: HttpClient, username: string, password: string): Promise<Headers> {
  const res = await http.post('/api/auth/login', { username, password });
  if (res.status !== 200) throw new Error(`${username} login failed: ${res.status}`);
  return { authorization: `Bearer ${res.body.token}` };
}

/** `count` devices of this kind (POST /api/admin/devices), answering their tokens. */
export async function newDevices(http: HttpClient, admin: Headers, kind: 'kiosk' | 'display', count: number): Promise<string[]> {
  return (await devicesWithIds(http, admin, kind, count)).map((d) => d.token);
}

async function devicesWithIds(http: HttpClient, admin: Headers, kind: 'kiosk' | 'display', count: number) {
  const out: { id: number; token: string }[] = [];
  while (out.length < count) {
    const res = await http.post('/api/admin/devices', { kind, name: `load ${kind} ${out.length + 1}` }, admin);
    if (res.status !== 201) throw new Error(`creating a ${kind} failed: ${res.status} ${JSON.stringify(res.body)}`);
    out.push({ id: res.body.id as number, token: res.body.token as string });
  }
  return out;
}

/** `count` kiosks, each with its own 80 mm printer writing to a file in `dir`; answers their tokens. */
export async function newPrintingKiosks(http: HttpClient, admin: Headers, count: number, dir: string): Promise<string[]> {
  const kiosks = await devicesWithIds(http, admin, 'kiosk', count);
  for (const [i, kiosk] of kiosks.entries()) {
    const printer = { name: `load printer ${i + 1}`, target: `file:${join(dir, `printer-${i + 1}.bin`)}`, widthDots: 576, kioskId: kiosk.id };
    const res = await http.post('/api/admin/printers', printer, admin);
    if (res.status !== 201) throw new Error(`creating a printer failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return kiosks.map((k) => k.token);
}
