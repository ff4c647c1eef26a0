import { bearer, clockedHall, type ClockedHall } from '../helpers/hall.js';

// A demo hall (clock: Sunday 2026-11-29 10:00 in Damascus) whose service B (building permits:
// 10-minute visits, counters 1, 2, 3 and 8) takes appointments; helpers to call the routes.

export interface AppointmentHall {
  c: ClockedHall;
  /** Service B's id, once the test's hall is up. */
  serviceId(): number;
  /** `2026-11-29T11:00` → the instant with the hall's offset, as the slots list writes it. */
  at(local: string): string;
  request(method: 'GET' | 'POST' | 'DELETE' | 'PATCH', url: string, opts?: { token?: string; payload?: object; headers?: Record<string, string> }): Promise<{ statusCode: number; json(): any; body: string }>;
  book(start: string, extra?: object, token?: string): Promise<{ statusCode: number; json(): any; body: string }>;
  enable(settings?: object): Promise<void>;
}

export function appointmentHall(opts: Parameters<typeof clockedHall>[0] = {}): AppointmentHall {
  const c = clockedHall(opts);
  const h: AppointmentHall = {
    c,
    serviceId: () => c.hall.app.conn.sqlite.prepare("SELECT id FROM services WHERE code = 'B'").pluck().get() as number,
    at: (local) => `${local}:00.000+03:00`,
    request: (method, url, { token, payload, headers } = {}) =>
      c.hall.app.inject({ method, url, payload, headers: { ...(token ? bearer(token) : {}), ...headers } }),
    book: (start, extra = {}, token) => h.request('POST', '/api/appointments', { token, payload: { serviceId: h.serviceId(), start, ...extra } }),
    async enable(settings = {}) {
      const admin = await c.hall.login('admin');
      const res = await h.request('PATCH', `/api/admin/services/${h.serviceId()}`, { token: admin, payload: { appointments: { enabled: true, ...settings } } });
      if (res.statusCode !== 200) throw new Error(`enable: ${res.statusCode} ${res.body}`);
    },
  };
  return h;
}
