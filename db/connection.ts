import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
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

/** How many migrations the database has had (0: a new file). */
const appliedMigrations = ({ sqlite }: Connection): number =>
  sqlite.prepare("SELECT count(*) FROM sqlite_master WHERE name = '__drizzle_migrations'").pluck().get() === 0
    ? 0
    : (sqlite.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get() as number);

/**
 * Runs the migrations with foreign keys off: a migration that rebuilds a table others refer to
 * (drizzle-kit's `__new_` copy, DROP, rename) would fail on the DROP, and the migration's own
 * `PRAGMA foreign_keys=OFF` does nothing inside the transaction the migrator wraps it in
 * (drizzle-team/drizzle-orm#1813). The keys are checked before they are turned back on.
 */
export function migrateDatabase(conn: Connection, migrationsFolder: string): void {
  conn.sqlite.pragma('foreign_keys = OFF');
  try {
    const before = appliedMigrations(conn);
    migrate(conn.db, { migrationsFolder });
    // Checking every row's keys reads the whole database: only after a migration has run.
    if (appliedMigrations(conn) === before) return;
    const broken = conn.sqlite.pragma('foreign_key_check') as { table: string }[];
    if (broken.length) throw new Error(`the migrations left ${broken.length} rows whose foreign key points nowhere (first in ${broken[0]!.table})`);
  } finally {
    conn.sqlite.pragma('foreign_keys = ON');
  }
}

/** Runs `fn` in one BEGIN IMMEDIATE transaction: all of it is written, or none. */
export function inTransaction<T>(conn: Connection, fn: () => T): T {
  return conn.sqlite.transaction(fn).immediate();
}

/** What the items of one group commit may leave for the next (see `carriedReading`); dropped after a failure. */
export type GroupMemo = Map<symbol, unknown>;

interface Queued {
  fn: (memo: GroupMemo) => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

const groups = new WeakMap<Connection, Queued[]>();

/**
 * Group commit: runs `fn` (a use case, all of it or none, like `inTransaction`) together with
 * the others queued in the same turn of the event loop, in ONE `BEGIN IMMEDIATE … COMMIT`, each
 * in its own savepoint so that one that throws is undone alone. Every promise settles after the
 * COMMIT: one fsync for the group, and nobody is answered before what they did is durable.
 */
export function inGroupCommit<T>(conn: Connection, fn: (memo: GroupMemo) => T): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let queue = groups.get(conn);
    if (!queue) {
      groups.set(conn, (queue = []));
      setImmediate(() => commitGroup(conn));
    }
    queue.push({ fn, resolve: resolve as (value: unknown) => void, reject });
  });
}

function commitGroup(conn: Connection): void {
  const queue = groups.get(conn) ?? [];
  groups.delete(conn);
  const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
  const memo: GroupMemo = new Map();
  // The COMMIT leaves the WAL's new frames with the OS (synchronous=NORMAL); `durable` then
  // fsyncs the WAL off the event loop, and only then is anyone answered. The same durability as
  // synchronous=FULL, without the event loop waiting for the disk: the next group runs meanwhile.
  const pragmas = syncPragmas(conn);
  pragmas.normal.run();
  try {
    conn.sqlite
      .transaction(() => {
        for (const { fn } of queue) {
          try {
            outcomes.push({ ok: true, value: conn.sqlite.transaction(fn)(memo) });
          } catch (error) {
            // Some errors (disk full, I/O) end the whole transaction: then none of the group stands.
            if (!conn.sqlite.inTransaction) throw error;
            memo.clear();
            outcomes.push({ ok: false, error });
          }
        }
      })
      .immediate();
  } catch (error) {
    for (const q of queue) q.reject(error);
    return;
  } finally {
    pragmas.full.run();
  }
  durable(conn).then(
    () =>
      queue.forEach((q, i) => {
        const outcome = outcomes[i]!;
        if (outcome.ok) q.resolve(outcome.value);
        else q.reject(outcome.error);
      }),
    (error: unknown) => queue.forEach((q, i) => q.reject(outcomes[i]!.ok ? error : (outcomes[i] as { error: unknown }).error)),
  );
}

const pragmaStatements = new WeakMap<Connection, { normal: Database.Statement; full: Database.Statement }>();

function syncPragmas(conn: Connection) {
  let p = pragmaStatements.get(conn);
  if (!p) {
    p = { normal: conn.sqlite.prepare('PRAGMA synchronous = NORMAL'), full: conn.sqlite.prepare('PRAGMA synchronous = FULL') };
    pragmaStatements.set(conn, p);
  }
  return p;
}

interface WalSync {
  wal: Promise<FileHandle> | null;
  running: Promise<void> | null;
  waiting: { resolve: () => void; reject: (error: unknown) => void }[];
}

const walSyncs = new WeakMap<Connection, WalSync>();

/**
 * Resolves once every commit made on the connection so far is on disk: one fsync of the WAL at
 * a time, on libuv's thread pool; callers that come while one runs share the next one.
 */
export function durable(conn: Connection): Promise<void> {
  let s = walSyncs.get(conn);
  if (!s) walSyncs.set(conn, (s = { wal: null, running: null, waiting: [] }));
  const state = s;
  return new Promise((resolve, reject) => {
    state.waiting.push({ resolve, reject });
    state.running ??= syncWhileWaited(conn, state);
  });
}

async function syncWhileWaited(conn: Connection, s: WalSync): Promise<void> {
  while (s.waiting.length > 0) {
    const batch = s.waiting.splice(0);
    try {
      const wal = await (s.wal ??= open(`${conn.sqlite.name}-wal`, 'r'));
      await wal.sync();
      for (const w of batch) w.resolve();
    } catch (err) {
      s.wal?.then((h) => h.close()).catch(() => undefined);
      s.wal = null;
      // Named as SQLite names a failed fsync, so that the request answers 503 storage_unavailable.
      const error = Object.assign(new Error(`the database could not be written to disk: ${(err as Error).message}`), { code: 'SQLITE_IOERR_FSYNC' });
      for (const w of batch) w.reject(error);
    }
  }
  s.running = null;
}

/** Closes the database once the last fsync of its WAL has run. */
export async function closeDatabase(conn: Connection): Promise<void> {
  const s = walSyncs.get(conn);
  if (s) {
    await s.running;
    await s.wal?.then((h) => h.close()).catch(() => undefined);
    walSyncs.delete(conn);
  }
  conn.sqlite.close();
}
