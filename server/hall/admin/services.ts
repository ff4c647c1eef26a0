import { and, asc, eq, max, sql } from 'drizzle-orm';
import { inTransaction, type Connection } from '../../../db/connection.js';
import { services, tickets, type OpeningHours, type ServiceAppointments } from '../../../db/schema.js';
import type { Bilingual, Service, WeeklyHours, WhatToBring } from '../../protocol/schemas.js';
import { availabilityNow } from '../availability.js';
import type { Outcome } from '../effects.js';
import { getHall, getService, type ServiceRow } from '../state.js';
import { serviceList, serviceView } from '../views.js';
import { changes, duplicate } from './fields.js';
import { recordAdminChange, type ChangeBy } from './record.js';
import { nameColumns, paperColumns } from '../names.js';

// The admin's services: what the kiosk offers, with its hours, limits and targets.

/** What the kiosk shows about a service; null clears a field. */
export interface ServiceDetails {
  dailyLimit?: number | null;
  hours?: WeeklyHours | null;
  category?: Bilingual | null;
  whatToBring?: WhatToBring;
}

export interface NewService extends ServiceDetails {
  /** 1 to 3 uppercase Latin letters, unique in the hall: the tickets' prefix. */
  code: string;
  name: Bilingual;
  targetWaitMinutes?: number;
  averageServiceMinutes?: number;
}

export interface ServiceChanges extends ServiceDetails {
  name?: Bilingual;
  targetWaitMinutes?: number;
  averageServiceMinutes?: number;
  active?: boolean;
  sortOrder?: number;
  appointments?: ServiceAppointments;
}

/** The detail fields as columns: undefined leaves a column alone, null clears it. */
function detailColumns(details: ServiceDetails) {
  return {
    dailyLimit: details.dailyLimit,
    hours: details.hours as OpeningHours | null | undefined,
    categoryAr: details.category === undefined ? undefined : (details.category?.ar ?? null),
    categoryEn: details.category === undefined ? undefined : (details.category?.en ?? null),
    categoryFr: details.category === undefined ? undefined : (details.category?.fr ?? null),
    ...(details.whatToBring && paperColumns(details.whatToBring)),
  };
}

/** A service as the admin sees it right after a change: its waiting count and whether it is open now. */
function viewNow(conn: Connection, row: ServiceRow, now: number): Service {
  const waiting = conn.db
    .select({ n: sql<number>`count(*)` })
    .from(tickets)
    .where(and(eq(tickets.serviceId, row.id), eq(tickets.status, 'waiting')))
    .get()!.n;
  return serviceView(row, availabilityNow(conn, getHall(conn, row.hallId), now)(row), waiting);
}

/** New services come last on the kiosk. */
export function createService(conn: Connection, input: NewService, by: ChangeBy): Outcome<Service> {
  const { db } = conn;
  const { hallId } = by;
  const { code, name, targetWaitMinutes = 15, averageServiceMinutes = 5 } = input;
  const row = inTransaction(conn, () => {
    const taken = db
      .select({ id: services.id })
      .from(services)
      .where(and(eq(services.hallId, hallId), eq(services.code, code)))
      .get();
    if (taken) throw duplicate('code', `service code ${code} is already used`);
    const last = db.select({ n: max(services.sortOrder) }).from(services).where(eq(services.hallId, hallId)).get();
    const created = db
      .insert(services)
      .values({
        ...changes(detailColumns(input)),
        hallId,
        code,
        ...nameColumns(name),
        targetWaitS: targetWaitMinutes * 60,
        avgServiceS: averageServiceMinutes * 60,
        sortOrder: (last?.n ?? -1) + 1,
      })
      .returning()
      .get();
    recordAdminChange(conn, { ...by, action: 'create', entity: 'service', entityId: created.id, details: { label: code, ...input } });
    return created;
  });
  return { value: viewNow(conn, row, by.at), effects: [{ kind: 'waiting' }] };
}

/** All services, inactive ones too; active ones with their live waiting count and estimate. */
export function listServices(conn: Connection, hallId: number, now: number): Service[] {
  const live = new Map(serviceList(conn, hallId, now).map((s) => [s.id, s]));
  return conn.db
    .select()
    .from(services)
    .where(eq(services.hallId, hallId))
    .orderBy(asc(services.sortOrder), asc(services.id))
    .all()
    .map((s) => live.get(s.id) ?? viewNow(conn, s, now));
}

export function patchService(conn: Connection, serviceId: number, input: ServiceChanges, by: ChangeBy): Outcome<Service> {
  const service = getService(conn, by.hallId, serviceId);
  const { name, targetWaitMinutes, averageServiceMinutes, active, sortOrder, appointments } = input;
  const set = changes({
    ...(name && nameColumns(name)),
    targetWaitS: targetWaitMinutes === undefined ? undefined : targetWaitMinutes * 60,
    avgServiceS: averageServiceMinutes === undefined ? undefined : averageServiceMinutes * 60,
    active,
    sortOrder,
    appointments,
    ...detailColumns(input),
  });
  if (!set) return { value: viewNow(conn, service, by.at), effects: [] };
  const row = inTransaction(conn, () => {
    recordAdminChange(conn, { ...by, action: 'update', entity: 'service', entityId: service.id, details: { label: service.code, ...input } });
    return conn.db.update(services).set(set).where(eq(services.id, service.id)).returning().get();
  });
  return { value: viewNow(conn, row, by.at), effects: [{ kind: 'waiting' }] };
}
