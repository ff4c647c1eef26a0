import type { Role } from '../protocol/schemas.js';

// Staff accounts and sessions, as the use cases in server/staff/ see them. A hall keeps them in
// its SQLite file (server/hall/staff-store.ts), the city in PostgreSQL (server/city/): the same
// log-in and user rules run over either. Methods may answer directly or with a promise.

type Maybe<T> = T | Promise<T>;

export interface StaffUserRow {
  id: number;
  username: string;
  passwordHash: string;
  role: Role;
  displayName: string | null;
  active: boolean;
}

/** Who made a change, for the audit trail; never a password or a token in `details`. */
export interface StaffChange {
  userId: number | null;
  at: number;
  action: 'create' | 'update';
  entityId: number | null;
  details: Record<string, unknown>;
}

export interface NewStaffUser {
  username: string;
  passwordHash: string;
  role: Role;
  displayName: string | null;
}

export interface StaffUserPatch {
  role?: Role;
  displayName?: string | null;
  active?: boolean;
  passwordHash?: string;
}

export interface StaffStore {
  userByUsername(username: string): Maybe<StaffUserRow | undefined>;
  userById(id: number): Maybe<StaffUserRow | undefined>;
  /** Records a new session, and forgets this user's expired ones. */
  openSession(userId: number, tokenHash: string, expiresAt: number, now: number): Maybe<void>;
  closeSession(tokenHash: string): Maybe<void>;
  /** Ends every session of the user but the one with `keepTokenHash` (a password reset, a deactivation). */
  closeSessionsOf(userId: number, keepTokenHash: string | null): Maybe<void>;
  /** Inserts the user and its audit row in one transaction; null when the username is taken. */
  insertUser(user: NewStaffUser, audit: Omit<StaffChange, 'entityId'>): Maybe<StaffUserRow | null>;
  /** Updates the user and writes its audit row in one transaction. */
  updateUser(id: number, patch: StaffUserPatch, audit: StaffChange): Maybe<StaffUserRow | undefined>;
  /** Active admins other than `exceptId`: the last admin may not be demoted or deactivated. */
  otherActiveAdmins(exceptId: number): Maybe<number>;
}
