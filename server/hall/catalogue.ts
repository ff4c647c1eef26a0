import { isDeepStrictEqual } from 'node:util';
import { and, eq, max, notInArray } from 'drizzle-orm';
import { inTransaction, type Connection } from '../../db/connection.js';
import { centralState, services } from '../../db/schema.js';
import type { ConfigDocument } from '../protocol/city.js';
import type { Bilingual, WhatToBring } from '../protocol/schemas.js';
import { recordAdminChange } from './admin/record.js';
import type { Effect, Outcome } from './effects.js';
import { HallError } from './errors.js';
import { nameColumns, namesOf, paperColumns, papersOf } from './names.js';
import type { ServiceRow } from './state.js';

// A hall joined to a city runs the city's service catalogue: the city sets each service's code,
// names, target wait and what to bring; the hall's admin keeps the rest (hours, daily limit,
// order, closing for today) and its counters, devices and printers.

/**
 * Applies a catalogue the city published, all of it or none: services upserted by code, those
 * missing made inactive (never deleted: the history refers to them), the version recorded.
 * An older or the same version changes nothing.
 */
export function applyCatalogue(conn: Connection, hallId: number, now: number, doc: ConfigDocument): Outcome<{ applied: boolean }> {
  const { db } = conn;
  return inTransaction(conn, () => {
    const running = db.select({ v: centralState.configVersion }).from(centralState).where(eq(centralState.id, 1)).get()!.v;
    if (doc.version <= running) return { value: { applied: false }, effects: [] };
    let sortOrder = db.select({ n: max(services.sortOrder) }).from(services).where(eq(services.hallId, hallId)).get()?.n ?? -1;
    for (const s of doc.services) {
      const set = {
        ...nameColumns(s.name),
        targetWaitS: s.targetWaitMinutes * 60,
        ...paperColumns(s.whatToBring ?? { ar: [] }),
        active: true,
      };
      db.insert(services)
        .values({ hallId, code: s.code, sortOrder: ++sortOrder, ...set })
        .onConflictDoUpdate({ target: [services.hallId, services.code], set })
        .run();
    }
    const codes = doc.services.map((s) => s.code);
    db.update(services)
      .set({ active: false })
      .where(and(eq(services.hallId, hallId), codes.length ? notInArray(services.code, codes) : undefined))
      .run();
    db.update(centralState).set({ configVersion: doc.version }).where(eq(centralState.id, 1)).run();
    recordAdminChange(conn, { hallId, userId: null, at: now, action: 'update', entity: 'hall', entityId: hallId, details: { configVersion: doc.version } });
    // Displays and staff hear the new counts; kiosks read the menu on their next refresh.
    const effects: Effect[] = [{ kind: 'waiting' }];
    return { value: { applied: true }, effects };
  });
}

interface CityFields {
  code?: string;
  name?: Bilingual;
  targetWaitMinutes?: number;
  whatToBring?: WhatToBring;
}

const CITY_FIELDS = ['code', 'name', 'targetWaitMinutes', 'whatToBring'] as const;

/** What the city's catalogue sets of a service, as the admin routes write it. */
const cityFieldsOf = (s: ServiceRow): Required<CityFields> => ({
  code: s.code,
  name: namesOf(s),
  targetWaitMinutes: Math.round(s.targetWaitS / 60),
  whatToBring: papersOf(s),
});

/**
 * While the hall is joined to a city, its admin may not create a service (`current` null) nor
 * change what the city's catalogue sets of one; the same values again (a whole form saved) pass.
 */
export function refuseCityFields(joinedToCity: boolean, current: ServiceRow | null, change: CityFields): void {
  if (!joinedToCity) return;
  const now = current && cityFieldsOf(current);
  // As stored: an empty English list is none given, as the city's catalogue without one.
  change = change.whatToBring ? { ...change, whatToBring: papersOf(paperColumns(change.whatToBring)) } : change;
  const changed = CITY_FIELDS.filter((f) => change[f] !== undefined && !(now && isDeepStrictEqual(change[f], now[f])));
  if (changed.length) throw new HallError('managed_by_city', `the city's catalogue sets ${changed.join(', ')}; change it at the city server`);
}
