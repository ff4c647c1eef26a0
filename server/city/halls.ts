import { asc, desc, eq } from 'drizzle-orm';
import { audit, configVersions, halls } from '../../db/city/schema.js';
import { notFound } from '../hall/errors.js';
import { nameColumns } from '../hall/names.js';
import type { Catalogue, ConfigDocument, HallLocation } from '../protocol/city.js';
import type { Bilingual } from '../protocol/schemas.js';
import { hashToken, newToken } from '../security.js';
import type { StaffBy } from '../staff/users.js';
import type { HallRow } from './board.js';
import type { CityDb } from './database.js';

// The city admin's use cases over halls and the catalogue: each change and its audit row in one
// transaction. A hall's token is shown once, when it is made; the city keeps only its digest.

/** Who made a change (a city admin; null: the system, as when seeding), and when. */
export type CityChange = StaffBy;

async function record(tx: Pick<CityDb, 'insert'>, by: CityChange, action: string, entity: string, entityId: number | null, details: object) {
  await tx.insert(audit).values({ at: by.at, userId: by.userId, action, entity, entityId, details });
}

export async function createHall(db: CityDb, hall: { name: Bilingual; timeZone: string }, by: CityChange): Promise<{ hall: HallRow; token: string }> {
  const token = newToken('hall');
  const row = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(halls)
      .values({ ...nameColumns(hall.name), timeZone: hall.timeZone, tokenHash: hashToken(token), createdAt: by.at })
      .returning();
    await record(tx, by, 'create', 'hall', created!.id, { name: hall.name, timeZone: hall.timeZone });
    return created!;
  });
  return { hall: row, token };
}

export async function renameHall(db: CityDb, id: number, name: Bilingual, by: CityChange): Promise<HallRow> {
  return db.transaction(async (tx) => {
    const [row] = await tx.update(halls).set(nameColumns(name)).where(eq(halls.id, id)).returning();
    if (!row) throw notFound('hall', id);
    await record(tx, by, 'update', 'hall', id, { name });
    return row;
  });
}

/** Where the hall stands, for citizens ordering centres by distance; null: not shown. */
export async function locateHall(db: CityDb, id: number, location: HallLocation | null, by: CityChange): Promise<HallRow> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(halls)
      .set({ lat: location?.lat ?? null, lng: location?.lng ?? null })
      .where(eq(halls.id, id))
      .returning();
    if (!row) throw notFound('hall', id);
    await record(tx, by, 'update', 'hall', id, { location });
    return row;
  });
}

/** A lost or leaked token: the old one stops working at once. */
export async function replaceHallToken(db: CityDb, id: number, by: CityChange): Promise<{ hall: HallRow; token: string }> {
  const token = newToken('hall');
  const row = await db.transaction(async (tx) => {
    const [row] = await tx.update(halls).set({ tokenHash: hashToken(token) }).where(eq(halls.id, id)).returning();
    if (!row) throw notFound('hall', id);
    await record(tx, by, 'update', 'hall', id, { tokenReplaced: true });
    return row;
  });
  return { hall: row, token };
}

export const listHalls = (db: CityDb): Promise<HallRow[]> => db.select().from(halls).orderBy(asc(halls.id));

export async function hallByToken(db: CityDb, token: string): Promise<HallRow | undefined> {
  const [row] = await db.select().from(halls).where(eq(halls.tokenHash, hashToken(token)));
  return row;
}

const documentOf = (row: typeof configVersions.$inferSelect): ConfigDocument => ({
  version: row.version,
  publishedAt: new Date(row.publishedAt).toISOString(),
  services: row.services,
});

/** The newest catalogue; null before the first is published. */
export async function newestCatalogue(db: CityDb): Promise<ConfigDocument | null> {
  const [row] = await db.select().from(configVersions).orderBy(desc(configVersions.version)).limit(1);
  return row ? documentOf(row) : null;
}

/** A new version of the catalogue: halls pull it (GET /api/city/hall/config?since=). */
export async function publishCatalogue(db: CityDb, services: Catalogue, by: CityChange): Promise<ConfigDocument> {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(configVersions).values({ services, publishedAt: by.at, publishedBy: by.userId }).returning();
    await record(tx, by, 'create', 'catalogue', row!.version, { services: services.map((s) => s.code) });
    return documentOf(row!);
  });
}
