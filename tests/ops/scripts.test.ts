import Database from 'better-sqlite3';
import { closeSync, copyFileSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../faults/server-process.js';
import { RELEASE_1_FILE, writeForgedHall } from '../fixtures/make-release-1.js';
import { bearer, startHall } from '../helpers/hall.js';
import { runScript } from '../helpers/scripts.js';

// The hall's command-line tools as the IT person runs them: npm run doctor, backup, restore
// (each a real process on a temporary DATA_DIR).

const dirs: string[] = [];
const temp = (label: string) => {
  const d = mkdtempSync(join(tmpdir(), `dawr-${label}-`));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

let port: number;
beforeAll(async () => {
  port = await freePort(); // nothing answers there: no server "running" on it
});

function withoutBackupDir(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { BACKUP_DIR: _, ...rest } = env;
  return rest;
}

function run(script: string, args: string[], env: Record<string, string> = {}) {
  return runScript(`scripts/${script}.ts`, args, { baseEnv: withoutBackupDir(process.env), env: { PORT: String(port), ...env }, timeoutMs: 30_000 });
}

/** A hall's DATA_DIR with three tickets, its printer pointed at `target`; and its kiosk's token. */
async function hallDir(target: string): Promise<{ dataDir: string; kiosk: string }> {
  const hall = await startHall();
  for (let i = 0; i < 3; i++) {
    await hall.app.inject({ method: 'POST', url: '/api/tickets', headers: bearer(hall.tokens.kiosk), payload: { serviceId: 1 } });
  }
  hall.app.conn.sqlite.prepare('UPDATE printers SET target = ?').run(target);
  await hall.close({ keepData: true });
  dirs.push(hall.dataDir);
  return { dataDir: hall.dataDir, kiosk: hall.tokens.kiosk };
}

const tickets = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('npm run doctor', () => {
  it('passes a sound set-up and says what it checked', async () => {
    const { dataDir } = await hallDir(`file:${join(tmpdir(), 'dawr-doctor-tickets.bin')}`);
    const { code, out } = await run('doctor', [], { DATA_DIR: dataDir });
    expect(out).toMatch(/✓ Node\.js v\d+/);
    expect(out).toMatch(/✓ .*dawr\.sqlite opens, integrity check ok \(.*3 tickets\)/);
    expect(out).toMatch(/✓ migrations are up to date/);
    expect(out).toContain('✓ ticket fonts are present');
    expect(out).toMatch(/✓ voice pack present \(\d+ clips\)/);
    expect(out).toMatch(/✓ printer 1 .*a virtual printer/);
    expect(out).toMatch(/no backup in|no backup yet/);
    expect(out, out).not.toContain('✗');
    expect(code).toBe(0);
  });

  it('fails on an unreachable printer and a damaged database, saying what to do', async () => {
    const closed = await freePort();
    const { dataDir } = await hallDir(`tcp://127.0.0.1:${closed}`);
    const printer = await run('doctor', ['--data-dir', dataDir]);
    expect(printer.code).toBe(1);
    expect(printer.out).toMatch(/✗ printer 1 .*tcp:\/\/127\.0\.0\.1:\d+\): cannot connect \(.*ECONNREFUSED.*\): is it on, cabled, at this address\?/);

    // Pages in the middle of the file overwritten.
    const file = join(dataDir, 'dawr.sqlite');
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(4096 * 8, 0x5a), 0, 4096 * 8, 4096 * 3);
    closeSync(fd);
    const damaged = await run('doctor', [], { DATA_DIR: dataDir });
    expect(damaged.code).toBe(1);
    expect(damaged.out).toMatch(/✗ .*dawr\.sqlite: .*damaged.*Restore the newest backup: npm run restore/);
    expect(damaged.out).toMatch(/problem\(s\) to fix/);
  });

  it('says when migrations are waiting, and when the data folder is missing', async () => {
    const dataDir = temp('doctor-old');
    copyFileSync(RELEASE_1_FILE, join(dataDir, 'dawr.sqlite'));
    const old = await run('doctor', [], { DATA_DIR: dataDir });
    expect(old.out).toMatch(/! \d+ migration\(s\) will be applied at the next start, after a backup: 0001_service_details/);
    const none = await run('doctor', [], { DATA_DIR: join(dataDir, 'not-yet') });
    expect(none.out).toMatch(/✓ .*not-yet does not exist yet: the server creates it at its first start/);
    expect(none.out).toMatch(/✓ no database yet/);
  });
});

describe('npm run backup and npm run restore', () => {
  it('backs up into a folder, refuses to overwrite, and restores keeping the current database', async () => {
    const { dataDir, kiosk } = await hallDir('file:/dev/null');
    const usb = temp('usb');
    const made = await run('backup', [usb], { DATA_DIR: dataDir });
    expect(made.code, made.out).toBe(0);
    const file = join(usb, readdirSync(usb)[0]!);
    expect(file).toMatch(/dawr-\d{8}-\d{6}\.sqlite$/);
    const again = await run('backup', [file], { DATA_DIR: dataDir });
    expect(again.code).toBe(1);
    expect(again.out).toMatch(/✗ backup failed: .* already exists/);

    // More tickets after the backup, then the restore brings the hall back to the backup's moment.
    const hall = await startHall({ dataDir });
    const more = await hall.app.inject({ method: 'POST', url: '/api/tickets', headers: bearer(kiosk), payload: { serviceId: 1 } });
    expect(more.statusCode).toBe(201);
    await hall.close({ keepData: true });
    expect(tickets(join(dataDir, 'dawr.sqlite'))).toBe(4);

    const restored = await run('restore', [file], { DATA_DIR: dataDir });
    expect(restored.code, restored.out).toBe(0);
    expect(restored.out).toMatch(/✓ .* is sound: integrity check ok, 3 tickets/);
    expect(restored.out).toMatch(/the current database is kept as .*dawr\.sqlite\.before-restore-\d{8}-\d{6}/);
    expect(restored.out).toContain('start the server: sudo systemctl start dawr');
    const kept = readdirSync(dataDir).filter((f) => f.startsWith('dawr.sqlite.before-restore-'));
    expect(kept.filter((f) => !/-(wal|shm|journal)$/.test(f))).toHaveLength(1);
    expect(tickets(join(dataDir, 'dawr.sqlite'))).toBe(3);
    expect(existsSync(join(dataDir, 'dawr.sqlite-wal'))).toBe(false);
  });

  it('refuses while the server runs, and refuses a damaged or foreign file, changing nothing', async () => {
    const { dataDir } = await hallDir('file:/dev/null');
    const db = join(dataDir, 'dawr.sqlite');
    const before = readFileSync(db);
    const usb = temp('usb2');
    expect((await run('backup', [usb + '/'], { DATA_DIR: dataDir })).code).toBe(0);
    const file = join(usb, readdirSync(usb)[0]!);

    // A live server's pid file (this test process is alive).
    writeFileSync(join(dataDir, 'dawr.pid'), `${process.pid}\n`);
    const running = await run('restore', [file], { DATA_DIR: dataDir });
    expect(running.code).toBe(1);
    expect(running.out).toMatch(/✗ the Dawr server is running on .* \(pid \d+\): stop the server first: sudo systemctl stop dawr/);
    // A stale pid file (a crash) does not block.
    writeFileSync(join(dataDir, 'dawr.pid'), '999999\n');

    const damaged = join(usb, 'damaged.sqlite');
    copyFileSync(file, damaged);
    const fd = openSync(damaged, 'r+');
    writeSync(fd, Buffer.alloc(4096 * 8, 0x5a), 0, 4096 * 8, 4096 * 3);
    closeSync(fd);
    const bad = await run('restore', [damaged], { DATA_DIR: dataDir });
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/✗ .*damaged\.sqlite cannot be restored: .*damaged.*Nothing was changed\./);

    const foreign = join(usb, 'foreign.sqlite');
    const f = new Database(foreign);
    f.exec('CREATE TABLE x (id INTEGER)');
    f.close();
    const notOurs = await run('restore', [foreign], { DATA_DIR: dataDir });
    expect(notOurs.code).toBe(1);
    expect(notOurs.out).toMatch(/not a Dawr database.*Nothing was changed/);

    const forged = join(usb, 'forged.sqlite');
    writeForgedHall(forged);
    const forgery = await run('restore', [forged], { DATA_DIR: dataDir });
    expect(forgery.code, forgery.out).toBe(1);
    expect(forgery.out).toMatch(/✗ .*forged\.sqlite cannot be restored: its tables are not those of its 0 migrations: table halls is not one of Dawr's; .*Nothing was changed\./);

    expect(readFileSync(db).equals(before)).toBe(true);
    expect(readdirSync(dataDir).some((f) => f.includes('before-restore'))).toBe(false);
  });
});
