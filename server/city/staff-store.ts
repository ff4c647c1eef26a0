import { and, asc, eq, gt, lte, ne, sql } from 'drizzle-orm';
import { audit, sessions, users } from '../../db/city/schema.js';
import type { StaffChange, StaffStore } from '../staff/store.js';
import type { CityDb } from './database.js';

// The city's staff accounts and sessions in PostgreSQL, behind the port the staff rules use
// (server/staff/store.ts); tests/city/staff-store.test.ts runs the port's contract on it.

const UNIQUE_VIOLATION = '23505';
const isUniqueViolation = (err: unknown) => {
  const e = err as { code?: string; cause?: { code?: string } };
  return e.code === UNIQUE_VIOLATION || e.cause?.code === UNIQUE_VIOLATION;
};

/** Thrown inside updateUser's transaction to undo it. */
class NoAdminLeft extends Error {}

const auditRow = (change: StaffChange, entityId: number) => ({ ...change, entity: 'user', entityId });

export function cityStaffStore(db: CityDb): StaffStore {
  return {
    async userByUsername(username) {
      return (await db.select().from(users).where(eq(users.username, username)))[0];
    },
    async userById(id) {
      return (await db.select().from(users).where(eq(users.id, id)))[0];
    },
    listUsers: () => db.select().from(users).orderBy(asc(users.username)),

    async openSession(userId, tokenHash, expiresAt, now) {
      await db.transaction(async (tx) => {
        await tx.delete(sessions).where(and(eq(sessions.userId, userId), lte(sessions.expiresAt, now)));
        await tx.insert(sessions).values({ userId, tokenHash, expiresAt });
      });
    },
    async sessionUser(tokenHash, now) {
      const [row] = await db
        .select({ user: users })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now), eq(users.active, true)));
      return row?.user;
    },
    async closeSession(tokenHash) {
      await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    },

    async insertUser(user, change) {
      try {
        return await db.transaction(async (tx) => {
          const [row] = await tx.insert(users).values({ ...user, createdAt: change.at }).returning();
          await tx.insert(audit).values(auditRow(change, row!.id));
          return row!;
        });
      } catch (err) {
        if (isUniqueViolation(err)) return null;
        throw err;
      }
    },
    async updateUser(id, { patch, audit: change, endSessions }) {
      try {
        return await db.transaction(async (tx) => {
          // Admins are counted under a lock, so two admins demoting each other cannot both succeed.
          await tx.execute(sql`SELECT id FROM users WHERE role = 'admin' FOR UPDATE`);
          const [row] = await tx.update(users).set(patch).where(eq(users.id, id)).returning();
          if (!row) return undefined;
          const [{ n }] = (await tx.select({ n: sql<number>`count(*)::int` }).from(users).where(and(eq(users.role, 'admin'), eq(users.active, true)))) as [{ n: number }];
          if (n === 0) throw new NoAdminLeft();
          if (endSessions) {
            const keep = endSessions.keep === null ? undefined : ne(sessions.tokenHash, endSessions.keep);
            await tx.delete(sessions).where(and(eq(sessions.userId, id), keep));
          }
          await tx.insert(audit).values(auditRow(change, id));
          return row;
        });
      } catch (err) {
        if (err instanceof NoAdminLeft) return 'last_admin';
        throw err;
      }
    },
  };
}
