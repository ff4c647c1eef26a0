import type { Role } from '../protocol/schemas.js';

// Staff accounts and sessions, as the use cases in server/staff/ see them. A hall keeps them in
// its SQLite file (server/hall/staff-store.ts), the city in PostgreSQL: the same log-in and user
// rules run over either. A store holds the staff of one place (a hall, the city); usernames are
// unique in it. Each method is one transaction of its own: the use cases hash passwords before
// calling, never inside. Methods may answer directly or with a promise.
// tests/staff/store-contract.ts checks a store against this contract.

type Maybe<T> = T | Promise<T>;

export interface StaffUserRow {
  id: number;
  username: string;
  passwordHash: string;
  role: Role;
  displayName: string | null;
  active: boolean;
}

/** One row of the audit trail about a user; never a password or a token in `details`. */
export interface StaffChange {
  /** Who made the change (null: the system). */
  userId: number | null;
  at: number;
  action: 'create' | 'update';
  details: Record<string, unknown>;
}

export type NewStaffUser = Omit<StaffUserRow, 'id' | 'active'>;

/** Only the fields given change; `displayName: null` clears the name. */
export type StaffUserPatch = Partial<Omit<StaffUserRow, 'id' | 'username'>>;

export interface UserUpdate {
  /** At least one field. */
  patch: StaffUserPatch;
  audit: StaffChange;
  /** Ends the user's sessions, all but the one with this token hash (null: all). */
  endSessions?: { keep: string | null };
}

export interface StaffStore {
  /** The user with this username, active or not. */
  userByUsername(username: string): Maybe<StaffUserRow | undefined>;
  userById(id: number): Maybe<StaffUserRow | undefined>;
  /** Every user, by username. */
  listUsers(): Maybe<StaffUserRow[]>;

  /** Records a session of the user until `expiresAt`, and forgets the user's sessions expired at `now`. */
  openSession(userId: number, tokenHash: string, expiresAt: number, now: number): Maybe<void>;
  /** The active user whose session has this token hash and has not expired at `now`. */
  sessionUser(tokenHash: string, now: number): Maybe<StaffUserRow | undefined>;
  /** Ends the session with this token hash, if there is one. */
  closeSession(tokenHash: string): Maybe<void>;

  /** Inserts the user (active) and its audit row (entityId: the new id); null, writing nothing, when the username is taken. */
  insertUser(user: NewStaffUser, audit: StaffChange): Maybe<StaffUserRow | null>;
  /**
   * Applies the update and writes its audit row. Writes nothing and answers undefined when there
   * is no such user, 'last_admin' when the patch would leave no active admin.
   */
  updateUser(id: number, update: UserUpdate): Maybe<StaffUserRow | 'last_admin' | undefined>;
}
