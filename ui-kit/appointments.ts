import type { Lang } from './i18n.js';
import type { Service, Ticket } from '../server/protocol/schemas.js';
import { api, newIdempotencyKey } from './api.js';

// The routes of API.md "Appointments" as the UIs use them: the phone (/book/), the kiosk and the
// staff app (which passes its token).

export type AppointmentStatus = 'booked' | 'checked_in' | 'cancelled' | 'no_show' | 'done';

export interface Appointment {
  code: string;
  serviceId: number;
  /** ISO start of the booked slot. */
  start: string;
  status: AppointmentStatus;
}

/** In the staff's day list: the ticket a checked-in booking became. */
export type DayAppointment = Appointment & { ticketNumber?: string };

export interface Slot {
  start: string;
  free: number;
}

/** The kiosk shows «لدي موعد» and /book/ lists a service only once an admin has turned them on. */
export const takesAppointments = (s: Service) => s.active && s.appointments?.enabled === true;

export const slotMinutes = (s: Service) => s.appointments?.slotMinutes ?? s.averageServiceMinutes;

export const listSlots = (serviceId: number, date: string) =>
  api<{ slots: Slot[] }>('GET', `/api/appointments/slots?serviceId=${serviceId}&date=${date}`).then((r) => r.slots);

export const holdSlot = (serviceId: number, start: string) =>
  api<{ holdId: string; expiresAt: string }>('POST', '/api/appointments/hold', { body: { serviceId, start } });

export const book = (body: { serviceId: number; start: string; holdId?: string; phone?: string; lang: Lang }, token?: string) =>
  api<Appointment>('POST', '/api/appointments', { body, token });

/** The day's appointments (staff). */
export const dayAppointments = (token: string, date: string) =>
  api<DayAppointment[]>('GET', `/api/appointments?date=${date}`, { token });

export const findAppointment = (code: string) => api<Appointment>('GET', `/api/appointments/${encodeURIComponent(code)}`);

export const checkIn = (token: string, code: string) =>
  api<Ticket>('POST', `/api/appointments/${encodeURIComponent(code)}/check-in`, {
    token,
    body: {},
    headers: { 'idempotency-key': newIdempotencyKey() },
  });

export const cancelAppointment = (code: string, token?: string) =>
  api<unknown>('DELETE', `/api/appointments/${encodeURIComponent(code)}`, { token });
