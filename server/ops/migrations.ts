import type Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// Which of the release's migrations a database has, read the way drizzle's migrator decides:
// a migration is applied when the newest `created_at` in __drizzle_migrations is not older than
// its journal entry's `when`.

export interface JournalEntry {
  idx: number;
  tag: string;
  when: number;
}

export interface MigrationState {
  /** Rows in __drizzle_migrations (0: a new database, or not a Dawr database yet). */
  applied: number;
  /** Journal entries the database does not have yet, oldest first. */
  pending: JournalEntry[];
  /** The database was migrated by a newer release than this code (a downgrade). */
  newerThanCode: boolean;
  /** The newest migration this code knows. */
  latest: JournalEntry | null;
}

export function readJournal(migrationsDir: string): JournalEntry[] {
  const journal = JSON.parse(readFileSync(join(migrationsDir, 'meta', '_journal.json'), 'utf8')) as { entries: JournalEntry[] };
  return [...journal.entries].sort((a, b) => a.when - b.when);
}

function hasTable(sqlite: Database.Database, name: string): boolean {
  return sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

export function migrationState(sqlite: Database.Database, migrationsDir: string): MigrationState {
  const journal = readJournal(migrationsDir);
  const latest = journal.at(-1) ?? null;
  if (!hasTable(sqlite, '__drizzle_migrations')) return { applied: 0, pending: journal, newerThanCode: false, latest };
  const row = sqlite.prepare('SELECT count(*) AS n, max(CAST(created_at AS INTEGER)) AS last FROM __drizzle_migrations').get() as {
    n: number;
    last: number | null;
  };
  const last = row.last ?? -Infinity;
  return {
    applied: row.n,
    pending: journal.filter((m) => m.when > last),
    newerThanCode: latest !== null && last > latest.when,
    latest,
  };
}
