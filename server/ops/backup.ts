import Database from 'better-sqlite3';
import { closeSync, existsSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, statSync, statfsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { zoneParts } from '../engine/clock.js';

// Backups of the hall's database: SQLite's online backup API (through better-sqlite3) while the
// hall runs, into a `.partial` file that is checked (integrity_check, and that it is a Dawr
// database) before it takes its final name. A backup is one self-contained file (rollback
// journal, not WAL), so it can sit on a USB stick and be copied anywhere.

export interface BackupInfo {
  file: string;
  /** When it was written, epoch ms. */
  at: number;
  sizeBytes: number;
}

export interface BackupResult extends BackupInfo {
  pages: number;
  durationMs: number;
}

/** dawr-YYYYMMDD-HHMMSS.sqlite (and dawr-…-<label>.sqlite) */
export const BACKUP_NAME = /^dawr-(\d{8})-(\d{6})(?:-([a-z0-9-]+))?\.sqlite$/;

/** YYYYMMDD-HHMMSS of `ms` in `timeZone`. */
export function timeStamp(ms: number, timeZone: string): string {
  const p = zoneParts(ms, timeZone);
  const two = (n: number | undefined) => String(n).padStart(2, '0');
  return `${String(p.year).padStart(4, '0')}${two(p.month)}${two(p.day)}-${two(p.hour)}${two(p.minute)}${two(p.second)}`;
}

/** The backup's file name, in the hall's time zone: dawr-20250114-020000.sqlite. */
export function backupFileName(ms: number, timeZone: string, label?: string): string {
  return `dawr-${timeStamp(ms, timeZone)}${label ? `-${label}` : ''}.sqlite`;
}

/** The hall's zone as the database says (any schema since the first release), else the machine's. */
export function databaseTimeZone(sqlite: Database.Database): string {
  try {
    const row = sqlite.prepare('SELECT time_zone AS tz FROM halls ORDER BY id LIMIT 1').get() as { tz?: string } | undefined;
    if (row?.tz) return row.tz;
  } catch {
    // no halls table yet
  }
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

export interface Verified {
  ok: boolean;
  /** What is wrong, in words an IT person can act on. */
  problem?: string;
  halls?: number;
  tickets?: number;
  migrations?: number;
}

const hasTable = (db: Database.Database, name: string) =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;

/**
 * Checks that `file` is a sound Dawr database: SQLite's integrity_check answers ok, and it has
 * the migrations table and a hall. Never changes the file (unless `makeSelfContained`: then it
 * switches a backup copy to a rollback journal first).
 */
export function verifyDatabaseFile(file: string, opts: { makeSelfContained?: boolean; requireHall?: boolean } = {}): Verified {
  if (!existsSync(file)) return { ok: false, problem: `${file} does not exist` };
  if (!statSync(file).isFile()) return { ok: false, problem: `${file} is not a file` };
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { fileMustExist: true, readonly: !opts.makeSelfContained });
    if (opts.makeSelfContained) db.pragma('journal_mode = DELETE');
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    const verdict = rows.map((r) => r.integrity_check);
    if (verdict.length !== 1 || verdict[0] !== 'ok') {
      return { ok: false, problem: `the database is damaged (integrity_check: ${verdict.slice(0, 3).join('; ')})` };
    }
    if (!hasTable(db, '__drizzle_migrations') || !hasTable(db, 'halls') || !hasTable(db, 'tickets')) {
      return { ok: false, problem: 'it is an SQLite database, but not a Dawr database (no migrations table, halls or tickets)' };
    }
    const count = (table: string) => (db!.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    const halls = count('halls');
    if (halls === 0 && opts.requireHall !== false) return { ok: false, problem: 'it is a Dawr database without a hall (an empty database)' };
    return { ok: true, halls, tickets: count('tickets'), migrations: count('__drizzle_migrations') };
  } catch (err) {
    const e = err as { code?: string; message: string };
    const why = e.code === 'SQLITE_NOTADB' ? 'it is not an SQLite database' : e.code === 'SQLITE_CORRUPT' ? 'the database is damaged' : e.message;
    return { ok: false, problem: `${why} (${e.code ?? 'error'})` };
  } finally {
    db?.close();
  }
}

function removeDatabaseFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true });
}

function fsyncPath(path: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    fsyncSync(fd);
  } catch {
    // some filesystems (or directories on some systems) cannot be fsynced; the rename still stands
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Free bytes for this user on the filesystem of `dir`, or null if unknown. */
export function freeBytes(dir: string): number | null {
  try {
    const s = statfsSync(dir);
    return Number(s.bavail) * Number(s.bsize);
  } catch {
    return null;
  }
}

/** The database's size on disk: the file and its write-ahead log. */
export function databaseBytes(file: string): { sizeBytes: number; walBytes: number } {
  const size = (f: string) => {
    try {
      return statSync(f).size;
    } catch {
      return 0;
    }
  };
  const walBytes = size(file + '-wal');
  return { sizeBytes: size(file) + walBytes, walBytes };
}

export interface BackupOptions {
  /**
   * Pages per step. The server's own connection backs up in small steps between requests (its
   * own writes go into the copy as they happen); another process takes one step, one snapshot,
   * because a write by another connection would restart a stepped backup.
   */
  pagesPerStep?: number;
  /** A file already at `dest` is replaced (else the backup refuses). */
  overwrite?: boolean;
}

/**
 * Copies the open database `source` to `dest` online and checks the copy; on any failure no
 * file is left at `dest` and the error says why.
 */
export async function backupDatabase(source: Database.Database, dest: string, opts: BackupOptions = {}): Promise<BackupResult> {
  const started = Date.now();
  const dir = dirname(dest);
  if (!existsSync(dir)) throw new Error(`backup folder ${dir} does not exist (is the USB drive mounted?)`);
  if (existsSync(dest) && !opts.overwrite) throw new Error(`${dest} already exists: choose another name or folder`);
  const needed = databaseBytes(source.name).sizeBytes;
  const free = freeBytes(dir);
  if (free !== null && free < needed * 1.1 + 1024 * 1024) {
    throw new Error(`not enough space in ${dir}: the backup needs about ${mb(needed)}, ${mb(free)} is free`);
  }
  const partial = join(dir, `.${basename(dest)}.partial`);
  removeDatabaseFiles(partial);
  try {
    const step = opts.pagesPerStep ?? 0x7fffffff;
    const progress = await source.backup(partial, { progress: () => step });
    const verified = verifyDatabaseFile(partial, { makeSelfContained: true, requireHall: false });
    if (!verified.ok) throw new Error(`the copy failed its check: ${verified.problem}`);
    fsyncPath(partial);
    removeDatabaseFiles(dest);
    renameSync(partial, dest);
    fsyncPath(dir);
    const st = statSync(dest);
    return { file: dest, at: st.mtimeMs, sizeBytes: st.size, pages: progress.totalPages, durationMs: Date.now() - started };
  } catch (err) {
    removeDatabaseFiles(partial);
    const e = err as { code?: string; message: string };
    if (e.code === 'SQLITE_FULL' || /ENOSPC/.test(e.message)) throw new Error(`not enough space in ${dir} for the backup`);
    throw err;
  }
}

/** Bytes for people: 0.4 MB, 812.0 MB, 77.8 GB. */
export function mb(bytes: number): string {
  const m = bytes / 1024 / 1024;
  return m >= 1024 ? `${(m / 1024).toFixed(1)} GB` : `${m.toFixed(1)} MB`;
}

/** The backups in `dir`, newest first. */
export function listBackups(dir: string): BackupInfo[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => BACKUP_NAME.test(n))
    .map((n) => {
      const st = statSync(join(dir, n));
      return { file: join(dir, n), at: st.mtimeMs, sizeBytes: st.size };
    })
    .sort((a, b) => b.at - a.at || b.file.localeCompare(a.file));
}

/**
 * Keeps the newest `keep` backups with `label` (undefined: the plain nightly ones) and deletes
 * the older ones; answers the deleted files.
 */
export function pruneBackups(dir: string, keep: number, label?: string): string[] {
  const mine = listBackups(dir).filter((b) => (BACKUP_NAME.exec(basename(b.file))![3] ?? undefined) === label);
  const old = mine.slice(Math.max(0, keep));
  for (const b of old) rmSync(b.file, { force: true });
  return old.map((b) => b.file);
}
