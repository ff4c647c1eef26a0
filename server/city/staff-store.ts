import { and, eq, gt, lte, ne, sql } from 'drizzle-orm';
import { audit, sessions, users } from '../../db/city/schema.js';
import type { NewStaffUser, StaffChange, StaffStore, StaffUserPatch, StaffUserRow } from '../staff/store.js';
import type { CityDb } from './database.js';

// The city's staff accounts and sessions in PostgreSQL, behind the port the staff rules use
// (server/staff/store.ts).

const UNIQUE_VIOLATION = '23505';

export function cityStaffStore(db: CityDb): StaffStore & { sessionUser(tokenHash: string, now: number): Promise<StaffUserRow | undefined> } {
  const auditRow = (change: StaffChange) => ({
    at: change.at,
    userId: change.userId,
    action: change.action,
    entity: 'user',
    entityId: change.entityId,
    details: change.details,
  });
  return {
    async userByUsername(username) {
      return (await db.select().from(users).where(eq(users.username, username)))[0];
    },
    async userById(id) {
      return (await db.select().from(users).where(eq(users.id, id)))[0];
    },
    async openSession(userId, tokenHash, expiresAt, now) {
      await db.delete(sessions).where(and(eq(sessions.userId, userId), lte(sessions.expiresAt, now)));
      await db.insert(sessions).values({ userId, tokenHash, expiresAt });
    },
    async closeSession(tokenHash) {
      await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    },
    async closeSessionsOf(userId, keepTokenHash) {
      const keep = keepTokenHash === null ? undefined : ne(sessions.tokenHash, keepTokenHash);
      await db.delete(sessions).where(and(eq(sessions.userId, userId), keep));
    },
    async insertUser(user: NewStaffUser, change) {
      try {
        return await db.transaction(async (tx) => {
          const [row] = await tx.insert(users).values({ ...user, createdAt: change.at }).returning();
          await tx.insert(audit).values(auditRow({ ...change, entityId: row!.id }));
          return row!;
        });
      } catch (err) {
        if ((err as { cause?: { code?: string }; code?: string }).cause?.code === UNIQUE_VIOLATION || (err as { code?: string }).code === UNIQUE_VIOLATION) return null;
        throw err;
      }
    },
    async updateUser(id, patch: StaffUserPatch, change) {
      return db.transaction(async (tx) => {
        const [row] = Object.keys(patch).length
          ? await tx.update(users).set(patch).where(eq(users.id, id)).returning()
          : await tx.select().from(users).where(eq(users.id, id));
        if (row) await tx.insert(audit).values(auditRow(change));
        return row;
      });
    },
    async otherActiveAdmins(exceptId) {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(users)
        .where(and(eq(users.role, 'admin'), eq(users.active, true), ne(users.id, exceptId)));
      return row!.n;
    },
    async sessionUser(tokenHash, now) {
      const [row] = await db
        .select({ user: users })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now), eq(users.active, true)));
      return row?.user;
    },
  };
}
