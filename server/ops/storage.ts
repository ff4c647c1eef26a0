import type { FastifyInstance, FastifyRequest } from 'fastify';
import { alertStaff } from './alerts.js';

// When the database cannot be written (disk full, read-only, I/O error, file gone or damaged),
// SQLite refuses the transaction: nothing half-written is kept, and what was stored before stays
// as it was. The request answers 503 storage_unavailable naming the cause, and the staff hear it.

export type StorageCause = 'full' | 'readonly' | 'io' | 'cantopen' | 'corrupt';

export interface StorageProblem {
  cause: StorageCause;
  /** The SQLite error code, e.g. SQLITE_FULL. */
  sqliteCode: string;
  /** What it means, for the kiosk's message and the staff alert. */
  reason: string;
}

const REASONS: Record<StorageCause, string> = {
  full: 'the disk is full',
  readonly: 'the database is read-only',
  io: 'the disk cannot be written (input/output error)',
  cantopen: 'the database file cannot be opened',
  corrupt: 'the database file is damaged',
};

/** A storage failure as better-sqlite3 reports it (SqliteError with a code), else null. */
export function storageProblem(err: unknown): StorageProblem | null {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return null;
  let cause: StorageCause | null = null;
  if (code === 'SQLITE_FULL') cause = 'full';
  else if (code.startsWith('SQLITE_READONLY')) cause = 'readonly';
  else if (code.startsWith('SQLITE_IOERR')) cause = 'io';
  else if (code.startsWith('SQLITE_CANTOPEN')) cause = 'cantopen';
  else if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') cause = 'corrupt';
  return cause ? { cause, sqliteCode: code, reason: REASONS[cause] } : null;
}

/** The 503 answer's message: what could not be stored, and why. */
export function storageMessage(problem: StorageProblem, request: Pick<FastifyRequest, 'method' | 'url'>): string {
  const path = request.url.split('?')[0];
  const what = request.method === 'POST' && path === '/api/tickets' ? 'the ticket' : 'the change';
  return `cannot store ${what}: ${problem.reason}`;
}

const ALERT_EVERY_MS = 30_000;
const lastAlert = new WeakMap<FastifyInstance, Map<StorageCause, number>>();

/** Logs the failure and tells the staff, at most once every 30 s per cause. */
export function reportStorageProblem(app: FastifyInstance, problem: StorageProblem, message: string, err: unknown): void {
  let seen = lastAlert.get(app);
  if (!seen) lastAlert.set(app, (seen = new Map()));
  const now = Date.now();
  if (now - (seen.get(problem.cause) ?? -Infinity) < ALERT_EVERY_MS) return;
  seen.set(problem.cause, now);
  app.log.error({ err, cause: problem.cause, code: problem.sqliteCode }, `storage unavailable: ${problem.reason}`);
  alertStaff(app, {
    kind: 'storage',
    cause: problem.cause,
    message: `${message}. Tickets cannot be issued until this is fixed (free disk space, check the disk, then run npm run doctor).`,
  });
}
