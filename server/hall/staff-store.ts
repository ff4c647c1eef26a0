import { and, asc, eq, lte, ne, sql } from 'drizzle-orm';
import { inTransaction, type Connection } from '../../db/connection.js';
import { sessions, users } from '../../db/schema.js';
import type { StaffStore } from '../staff/store.js';
import { recordAdminChange } from './admin/record.js';
import { statements } from './prepared.js';

/** Thrown inside updateUser's transaction to undo it. */
class NoAdminLeft extends Error {}

/**
 * The staff of one hall in the hall's SQLite file. Usernames are unique across the file, so
 * log-in finds a user of any hall in it (the session then acts in the user's own hall); the
 * list and the changes are this hall's.
 */
export function hallStaffStore(conn: Connection, hallId: number): StaffStore {
  const { db } = conn;
  const ofHall = (id: number) => and(eq(users.id, id), eq(users.hallId, hallId));

  return {
    userByUsername: (username) => db.select().from(users).where(eq(users.username, username)).get(),
    userById: (id) => db.select().from(users).where(ofHall(id)).get(),
    listUsers: () => db.select().from(users).where(eq(users.hallId, hallId)).orderBy(asc(users.username)).all(),

    openSession(userId, tokenHash, expiresAt, now) {
      inTransaction(conn, () => {
        db.delete(sessions).where(and(eq(sessions.userId, userId), lte(sessions.expiresAt, now))).run();
        db.insert(sessions).values({ userId, tokenHash, expiresAt }).run();
      });
    },

    sessionUser: (tokenHash, now) => statements(conn).auth.session.get({ tokenHash, now })?.user,

    closeSession(tokenHash) {
      db.delete(sessions).where(eq(sessions.tokenHash, tokenHash)).run();
    },

    insertUser(user, audit) {
      try {
        return inTransaction(conn, () => {
          const row = db.insert(users).values({ ...user, hallId }).returning().get();
          recordAdminChange(conn, { ...audit, hallId, entity: 'user', entityId: row.id });
          return row;
        });
      } catch (err) {
        if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') return null;
        throw err;
      }
    },

    updateUser(id, { patch, audit, endSessions }) {
      try {
        return inTransaction(conn, () => {
          const row = db.update(users).set(patch).where(ofHall(id)).returning().get();
          if (!row) return undefined;
          const admins = db
            .select({ n: sql<number>`count(*)` })
            .from(users)
            .where(and(eq(users.hallId, hallId), eq(users.role, 'admin'), eq(users.active, true)))
            .get()!.n;
          if (admins === 0) throw new NoAdminLeft();
          if (endSessions) {
            const keep = endSessions.keep === null ? undefined : ne(sessions.tokenHash, endSessions.keep);
            db.delete(sessions).where(and(eq(sessions.userId, id), keep)).run();
          }
          recordAdminChange(conn, { ...audit, hallId, entity: 'user', entityId: id });
          return row;
        });
      } catch (err) {
        if (err instanceof NoAdminLeft) return 'last_admin';
        throw err;
      }
    },
  };
}
