import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import * as schema from './schema.js';

export type DB = BetterSQLite3Database<typeof schema>;
export interface Connection {
  sqlite: Database.Database;
  db: DB;
}

export const DATABASE_FILE = 'dawr.sqlite';

/**
 * Opens (creating if needed) the hall's database in `dataDir`, durable first: WAL with
 * synchronous=FULL so that a ticket answered 201 survives a power cut.
 */
export function openDatabase(dataDir: string): Connection {
  mkdirSync(dataDir, { recursive: true });
  const sqlite = new Database(join(dataDir, DATABASE_FILE));
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return { sqlite, db: drizzle(sqlite, { schema }) };
}

export function migrateDatabase(conn: Connection, migrationsFolder: string): void {
  migrate(conn.db, { migrationsFolder });
}

/** Runs `fn` in one BEGIN IMMEDIATE transaction: all of it is written, or none. */
export function inTransaction<T>(conn: Connection, fn: () => T): T {
  return conn.sqlite.transaction(fn).immediate();
}
