import { and, asc, eq, inArray } from 'drizzle-orm';
import { inTransaction, type Connection } from '../../../db/connection.js';
import { counters, services } from '../../../db/schema.js';
import type { Counter } from '../../protocol/schemas.js';
import { replaceCounterServices, setCounterState, writeCounterServices } from '../counters.js';
import type { Effect, Outcome } from '../effects.js';
import { notFound } from '../errors.js';
import { counterServiceIds, getCounter } from '../state.js';
import { counterView, counterViews, qualifiedOf } from '../views.js';
import { changes, duplicate, invalidField } from './fields.js';
import { recordAdminChange, type ChangeBy } from './record.js';

// The admin's counters: their numbers, names, zones, and the services each calls.

export interface NewCounter {
  /** Unique in the hall. */
  number: number;
  /** In the counter's order of preference: the first is served first. */
  serviceIds: number[];
  /** What its clerk is able to serve (the staffing advisor never goes beyond it); must include serviceIds. Absent: serviceIds. */
  qualifiedServiceIds?: number[];
  name?: string | null;
  zone?: string | null;
}

export interface CounterChanges extends Partial<NewCounter> {
  active?: boolean;
}

function checkServices({ db }: Connection, hallId: number, ids: number[]) {
  const known = new Set(
    db
      .select({ id: services.id })
      .from(services)
      .where(and(eq(services.hallId, hallId), inArray(services.id, ids)))
      .all()
      .map((s) => s.id),
  );
  const unknown = ids.find((id) => !known.has(id));
  if (unknown !== undefined) throw notFound('service', unknown);
}

/** The qualified services as stored: known services of the hall, including every service it serves. */
function checkQualified(conn: Connection, hallId: number, qualified: number[], serviceIds: number[]): number[] {
  try {
    checkServices(conn, hallId, qualified);
  } catch {
    throw invalidField('qualifiedServiceIds', 'unknown', 'qualifiedServiceIds: names a service this hall does not have');
  }
  const missing = serviceIds.find((id) => !qualified.includes(id));
  if (missing !== undefined) {
    throw invalidField('qualifiedServiceIds', 'missing_service', `qualifiedServiceIds must include every service the counter serves (service ${missing} is missing)`);
  }
  return qualified;
}

function checkNumberFree({ db }: Connection, hallId: number, number: number) {
  const taken = db
    .select({ id: counters.id })
    .from(counters)
    .where(and(eq(counters.hallId, hallId), eq(counters.number, number)))
    .get();
  if (taken) throw duplicate('number', `counter number ${number} is already used`);
}

const view = (conn: Connection, hallId: number, counterId: number) => counterView(conn, getCounter(conn, hallId, counterId));

export function createCounter(conn: Connection, input: NewCounter, by: ChangeBy): Outcome<Counter> {
  const { hallId } = by;
  const { number, serviceIds, name, zone } = input;
  const counter = inTransaction(conn, () => {
    checkNumberFree(conn, hallId, number);
    checkServices(conn, hallId, serviceIds);
    const qualifiedServiceIds = checkQualified(conn, hallId, input.qualifiedServiceIds ?? serviceIds, serviceIds);
    const row = conn.db
      .insert(counters)
      .values({ hallId, number, name: name ?? null, zone: zone ?? null, qualifiedServiceIds })
      .returning()
      .get();
    writeCounterServices(conn, row.id, serviceIds);
    recordAdminChange(conn, { ...by, action: 'create', entity: 'counter', entityId: row.id, details: { label: number, ...input } });
    return view(conn, hallId, row.id);
  });
  return { value: counter, effects: [{ kind: 'counter', counterId: counter.id }, { kind: 'waiting' }] };
}

export function listCounters(conn: Connection, hallId: number): Counter[] {
  return counterViews(conn, conn.db.select().from(counters).where(eq(counters.hallId, hallId)).orderBy(asc(counters.number)).all());
}

export function patchCounter(conn: Connection, counterId: number, input: CounterChanges, by: ChangeBy): Outcome<Counter> {
  const { hallId } = by;
  const { number, serviceIds, name, zone, active } = input;
  const effects: Effect[] = [];
  const counter = inTransaction(conn, () => {
    const current = getCounter(conn, hallId, counterId);
    if (number !== undefined && number !== current.number) checkNumberFree(conn, hallId, number);
    if (serviceIds) checkServices(conn, hallId, serviceIds);
    const before = counterServiceIds(conn, [current.id]).get(current.id)!;
    // New services join what the clerk is qualified for, unless the admin names the list.
    const qualifiedServiceIds = input.qualifiedServiceIds
      ? checkQualified(conn, hallId, input.qualifiedServiceIds, serviceIds ?? before)
      : serviceIds && qualifiedOf(current, serviceIds);
    if (serviceIds) replaceCounterServices(conn, current, serviceIds, by.at, qualifiedServiceIds);
    // A counter taken out of service is closed first, so no clerk keeps calling from it.
    if (active === false && current.active && current.state !== 'closed') {
      effects.push(...setCounterState(conn, current, 'closed', by.at, by.userId === null ? {} : { userId: by.userId }));
    }
    const set = changes({ number, name, zone, active, qualifiedServiceIds: serviceIds ? undefined : qualifiedServiceIds });
    if (set) conn.db.update(counters).set(set).where(eq(counters.id, current.id)).run();
    if (set || serviceIds) {
      recordAdminChange(conn, { ...by, action: 'update', entity: 'counter', entityId: current.id, details: { label: current.number, ...input } });
    }
    return view(conn, hallId, current.id);
  });
  return { value: counter, effects: [...effects, { kind: 'counter', counterId: counter.id }, { kind: 'waiting' }] };
}
