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
  const out: string[] = [];
  while (out.length < count) {
    const res = await http.post('/api/admin/devices', { kind, name: `load ${kind} ${out.length + 1}` }, admin);
    if (res.status !== 201) throw new Error(`creating a ${kind} failed: ${res.status} ${JSON.stringify(res.body)}`);
    out.push(res.body.token as string);
  }
  return out;
}
