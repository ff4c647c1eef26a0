import Database from 'better-sqlite3';
import { closeSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, rmSync, utimesSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { io } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { backupDatabase, backupFileName, listBackups, pruneBackups, verifyDatabaseFile } from '../../server/ops/backup.js';
import { migrationState } from '../../server/ops/migrations.js';
import { backupBeforeMigrating } from '../../server/ops/pre-migration.js';
import { MIGRATIONS_DIR } from '../../server/paths.js';
import { RELEASE_1_FILE } from '../fixtures/make-release-1.js';
import { ADMIN_PASSWORD, bearer, startHall } from '../helpers/hall.js';

const dirs: string[] = [];
const temp = (label: string) => {
  const dir = mkdtempSync(join(tmpdir(), `dawr-${label}-`));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const silentLog = { info() {}, warn() {}, error() {} } as never;

describe('backups', () => {
  it('copies the open database online into one checked, self-contained file', async () => {
    const hall = await startHall();
    try {
      for (let i = 0; i < 3; i++) {
        await hall.app.inject({ method: 'POST', url: '/api/tickets', headers: bearer(hall.tokens.kiosk), payload: { serviceId: 1 } });
      }
      const out = temp('usb');
      const dest = join(out, backupFileName(Date.UTC(2025, 0, 14, 23, 30), 'Asia/Damascus'));
      expect(basename(dest)).toBe('dawr-20250115-023000.sqlite'); // the hall's zone, not UTC
      const result = await backupDatabase(hall.app.conn.sqlite, dest, { pagesPerStep: 10 });
      expect(result.file).toBe(dest);
      expect(result.sizeBytes).toBeGreaterThan(0);
      // One file: no -wal or -shm beside it, no leftover .partial.
      expect(readdirSync(out)).toEqual([basename(dest)]);
      expect(verifyDatabaseFile(dest)).toMatchObject({ ok: true, tickets: 3, halls: 1 });
      const copy = new Database(dest, { readonly: true });
      expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
      copy.close();
      // It never overwrites by surprise, and says where a missing folder is.
      await expect(backupDatabase(hall.app.conn.sqlite, dest)).rejects.toThrow(/already exists/);
      await expect(backupDatabase(hall.app.conn.sqlite, join(out, 'nope', 'x.sqlite'))).rejects.toThrow(/does not exist \(is the USB drive mounted\?\)/);
    } finally {
      await hall.close();
    }
  });

  it('tells a damaged, foreign or empty file from a sound Dawr database', () => {
    const dir = temp('verify');
    const text = join(dir, 'notes.sqlite');
    writeFileSync(text, 'this is not a database '.repeat(300));
    expect(verifyDatabaseFile(text)).toMatchObject({ ok: false, problem: expect.stringMatching(/not an SQLite database/) });
    const foreign = join(dir, 'foreign.sqlite');
    const f = new Database(foreign);
    f.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)');
    f.close();
    expect(verifyDatabaseFile(foreign)).toMatchObject({ ok: false, problem: expect.stringMatching(/not a Dawr database/) });
    expect(verifyDatabaseFile(join(dir, 'missing.sqlite'))).toMatchObject({ ok: false, problem: expect.stringMatching(/does not exist/) });
    // A good database with pages overwritten in the middle.
    const damaged = join(dir, 'damaged.sqlite');
    copyFileSync(RELEASE_1_FILE, damaged);
    const bytes = Buffer.alloc(4096 * 6, 0xa5);
    const fd = openSync(damaged, 'r+');
    writeSync(fd, bytes, 0, bytes.length, 4096 * 4);
    closeSync(fd);
    expect(verifyDatabaseFile(damaged)).toMatchObject({ ok: false, problem: expect.stringMatching(/damaged/) });
    expect(verifyDatabaseFile(RELEASE_1_FILE)).toMatchObject({ ok: true, tickets: 7, migrations: 1 });
  });

  it('keeps the newest N of each kind', () => {
    const dir = temp('prune');
    const names = ['dawr-20250101-020000.sqlite', 'dawr-20250102-020000.sqlite', 'dawr-20250103-020000.sqlite', 'dawr-20250104-020000.sqlite'];
    names.forEach((n, i) => {
      writeFileSync(join(dir, n), 'x');
      utimesSync(join(dir, n), new Date(2025, 0, i + 1), new Date(2025, 0, i + 1));
    });
    writeFileSync(join(dir, 'dawr-20241231-090000-pre-migration.sqlite'), 'x');
    writeFileSync(join(dir, 'holiday-photos.jpg'), 'x');
    expect(pruneBackups(dir, 2).map((f) => basename(f))).toEqual(['dawr-20250102-020000.sqlite', 'dawr-20250101-020000.sqlite']);
    expect(readdirSync(dir).sort()).toEqual(['dawr-20241231-090000-pre-migration.sqlite', 'dawr-20250103-020000.sqlite', 'dawr-20250104-020000.sqlite', 'holiday-photos.jpg']);
    expect(listBackups(dir)).toHaveLength(3);
  });

  it('runs daily at BACKUP_AT in the hall zone, catches up after a night switched off, keeps BACKUP_KEEP', async () => {
    const dataDir = temp('nightly');
    const backupDir = join(dataDir, 'usb');
    mkdirSync(backupDir); // a BACKUP_DIR that is set must exist (see the USB case below)
    // 01:00 in Damascus (UTC+3) on 2 June 2025.
    let clock = Date.UTC(2025, 5, 1, 22, 0);
    const app = await buildApp({
      config: { DATA_DIR: dataDir, SEED: 'demo', ADMIN_PASSWORD, LOG_LEVEL: 'silent', BACKUP_DIR: backupDir, BACKUP_AT: '02:00', BACKUP_KEEP: 2 },
      now: () => clock,
    });
    await app.ready();
    try {
      expect(await app.backups.check()).toBeNull(); // not yet 02:00
      clock += 90 * 60_000; // 02:30
      const first = await app.backups.check();
      expect(basename(first!.file)).toBe('dawr-20250602-023000.sqlite');
      expect(await app.backups.check()).toBeNull(); // once a day
      clock += 6 * 3600_000; // the same day, later
      expect(await app.backups.check()).toBeNull();
      clock += 24 * 3600_000; // next day 08:30: the server was off at 02:00, it catches up
      expect(basename((await app.backups.check())!.file)).toBe('dawr-20250603-083000.sqlite');
      clock += 24 * 3600_000;
      expect(await app.backups.check()).not.toBeNull();
      expect(readdirSync(backupDir).sort()).toEqual(['dawr-20250603-083000.sqlite', 'dawr-20250604-083000.sqlite']);
      expect(app.backups.last()?.file).toBe(join(backupDir, 'dawr-20250604-083000.sqlite'));
      expect(app.backups.lastError()).toBeNull();
    } finally {
      await app.close();
    }
  });

  it('reports a failed backup in health and to the staff, and tries again an hour later', async () => {
    const dataDir = temp('blocked');
    let clock = Date.now();
    // BACKUP_DIR on a USB drive that is not mounted: its folder is missing, and is not made
    // (a backup must not land quietly on the system disk's mount point).
    const usb = join(dataDir, 'media', 'dawr-backup', 'dawr');
    const app = await buildApp({
      config: { DATA_DIR: dataDir, SEED: 'demo', ADMIN_PASSWORD, LOG_LEVEL: 'silent', BACKUP_DIR: usb, BACKUP_AT: '00:00' },
      now: () => clock,
    });
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: ADMIN_PASSWORD } });
    const admin = login.json().token as string;
    const staff = io(`${url}/staff`, { auth: { token: admin }, transports: ['websocket'], forceNew: true, reconnection: false });
    try {
      await new Promise<void>((resolve, reject) => {
        staff.once('connect', () => resolve());
        staff.once('connect_error', reject);
      });
      const alert = new Promise<{ kind: string; message: string }>((resolve) => staff.on('alert', resolve));
      await expect(app.backups.check()).rejects.toThrow(/does not exist \(is the USB drive mounted\?\)/);
      expect(await alert).toMatchObject({ kind: 'backup', message: expect.stringMatching(/The database backup failed/) });
      const health = (await app.inject({ method: 'GET', url: '/api/admin/health', headers: bearer(admin) })).json();
      expect(health.status).toBe('warning');
      expect(health.backups.lastError.message).toMatch(/does not exist \(is the USB drive mounted\?\)/);
      expect(health.problems.join(' ')).toMatch(/the last backup failed/);
      expect(await app.backups.check()).toBeNull(); // not again at once
      clock += 61 * 60_000;
      await expect(app.backups.check()).rejects.toThrow(/does not exist \(is the USB drive mounted\?\)/);
      expect(existsSync(usb)).toBe(false);
      // Plugged in again: the next try works.
      mkdirSync(usb, { recursive: true });
      clock += 61 * 60_000;
      expect(await app.backups.check()).toMatchObject({ file: expect.stringContaining(usb) });
      expect(app.backups.lastError()).toBeNull();
    } finally {
      staff.disconnect();
      await app.close();
    }
  });
});

describe('before a migration', () => {
  it('backs up a database that has migrations and is about to take more; not a new one', async () => {
    const dir = temp('premig');
    const file = join(dir, 'dawr.sqlite');
    copyFileSync(RELEASE_1_FILE, file);
    const db = new Database(file);
    expect(migrationState(db, MIGRATIONS_DIR)).toMatchObject({ applied: 1, newerThanCode: false });
    expect(migrationState(db, MIGRATIONS_DIR).pending.length).toBeGreaterThan(0);
    // BACKUP_DIR on a USB drive that is not plugged in: the backup goes to DATA_DIR/backups.
    const made = await backupBeforeMigrating(db, MIGRATIONS_DIR, { backupDir: join(dir, 'usb', 'dawr'), fallbackDir: join(dir, 'backups') }, silentLog);
    expect(made!.file).toMatch(new RegExp(`^${join(dir, 'backups')}/dawr-\\d{8}-\\d{6}-pre-migration\\.sqlite$`));
    expect(verifyDatabaseFile(made!.file)).toMatchObject({ ok: true, migrations: 1, tickets: 7 });
    db.close();

    const fresh = new Database(join(dir, 'new.sqlite'));
    expect(await backupBeforeMigrating(fresh, MIGRATIONS_DIR, { backupDir: dir, fallbackDir: dir }, silentLog)).toBeNull();
    fresh.close();
  });

  it('refuses to migrate when that backup cannot be made, changing nothing', async () => {
    const dir = temp('premig-fail');
    const file = join(dir, 'dawr.sqlite');
    copyFileSync(RELEASE_1_FILE, file);
    // Neither the backup folder nor DATA_DIR/backups can take it (a file stands in the way).
    writeFileSync(join(dir, 'backups'), 'a file, not a folder');
    await expect(
      buildApp({ config: { DATA_DIR: dir, SEED: 'demo', ADMIN_PASSWORD, LOG_LEVEL: 'silent' } }),
    ).rejects.toThrow(/backup before migrating failed, so nothing was changed/);
    const db = new Database(file, { readonly: true });
    expect(migrationState(db, MIGRATIONS_DIR).applied).toBe(1);
    db.close();
  });
});
