import fp from 'fastify-plugin';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { businessDay, localMinuteOfDay } from '../engine/clock.js';
import { getHall } from '../hall/state.js';
import { alertStaff } from '../ops/alerts.js';
import { backupDatabase, backupFileName, listBackups, pruneBackups, type BackupInfo, type BackupResult } from '../ops/backup.js';

// Automatic backups: once a day at BACKUP_AT (local time in the hall's zone) into BACKUP_DIR,
// keeping the newest BACKUP_KEEP. A hall that switches its server off at night gets its backup
// when the server is next on (the first check after BACKUP_AT finds none made that day). A
// failed backup is logged, shown in /api/admin/health, told to the staff (`alert` on /staff),
// and tried again an hour later.

export interface BackupsOptions {
  dir: string;
  /** `HH:MM` in the hall's zone, or `off`; undefined: off (tests). The server's default is 02:00. */
  at?: string;
  keep?: number;
  /**
   * Create the folder if missing: yes for the default (DATA_DIR/backups); no for a BACKUP_DIR
   * that was set, which is often a USB drive: a missing folder then means the drive is not
   * mounted, and a backup must not quietly land on the mount point of the system disk.
   */
  createDir?: boolean;
  /** How often the schedule is checked (tests make it short). */
  checkEveryMs?: number;
}

export interface Backups {
  readonly dir: string;
  readonly at: string;
  readonly keep: number;
  /** The newest backup in the folder (made by this server or not), or null. */
  last(): BackupInfo | null;
  lastError(): { at: number; message: string } | null;
  /** Backs up now into the folder and applies the retention. */
  run(): Promise<BackupResult>;
  /** Runs the day's backup if it is due (what the timer calls); answers it, or null. */
  check(): Promise<BackupResult | null>;
}

declare module 'fastify' {
  interface FastifyInstance {
    backups: Backups;
  }
}

const RETRY_AFTER_FAILURE_MS = 3600_000;
const PAGES_PER_STEP = 1000;

export default fp<BackupsOptions>(
  async (app, opts) => {
    const at = opts.at ?? 'off';
    const keep = opts.keep ?? 14;
    const atMinute = at === 'off' ? null : Number(at.slice(0, 2)) * 60 + Number(at.slice(3, 5));
    const log = app.log.child({ module: 'backups' });
    const zone = () => getHall(app.conn, app.hallId).timeZone;

    let last: BackupInfo | null = listBackups(opts.dir)[0] ?? null;
    let lastError: { at: number; message: string } | null = null;
    let doneDay: string | null = last ? businessDay(last.at, zone()) : null;
    let running: Promise<BackupResult> | null = null;
    let closing = false;

    async function backUp(): Promise<BackupResult> {
      const now = app.now();
      if (opts.createDir) mkdirSync(opts.dir, { recursive: true });
      const result = await backupDatabase(app.conn.sqlite, join(opts.dir, backupFileName(now, zone())), {
        pagesPerStep: PAGES_PER_STEP,
        overwrite: true,
      });
      const pruned = pruneBackups(opts.dir, keep);
      last = result;
      lastError = null;
      log.info({ file: result.file, sizeBytes: result.sizeBytes, ms: result.durationMs, pruned: pruned.length }, 'database backed up');
      return result;
    }

    function run(): Promise<BackupResult> {
      if (running) return running;
      running = backUp()
        .catch((err: unknown) => {
          const message = (err as Error).message;
          lastError = { at: app.now(), message };
          log.error({ err, dir: opts.dir }, 'the automatic backup failed');
          alertStaff(app, { kind: 'backup', cause: 'failed', message: `The database backup failed: ${message}` });
          throw err;
        })
        .finally(() => {
          running = null;
        });
      return running;
    }

    async function check(): Promise<BackupResult | null> {
      if (atMinute === null || closing || running) return null;
      const now = app.now();
      const tz = zone();
      const today = businessDay(now, tz);
      if (doneDay === today || localMinuteOfDay(now, tz) < atMinute) return null;
      if (lastError && now - lastError.at < RETRY_AFTER_FAILURE_MS) return null;
      const result = await run();
      doneDay = today;
      return result;
    }

    app.decorate('backups', {
      dir: opts.dir,
      at,
      keep,
      last: () => last,
      lastError: () => lastError,
      run,
      check,
    });

    let timer: NodeJS.Timeout | undefined;
    app.addHook('onReady', async () => {
      if (atMinute === null) return;
      timer = setInterval(() => void check().catch(() => {}), opts.checkEveryMs ?? 60_000);
      timer.unref();
    });
    // A backup under way finishes before the database closes.
    app.addHook('preClose', async () => {
      closing = true;
      clearInterval(timer);
      await running?.catch(() => {});
    });
  },
  { name: 'backups', dependencies: ['db', 'clock', 'realtime'] },
);
