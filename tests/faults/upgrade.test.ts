import Database from 'better-sqlite3';
import { copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { businessDay } from '../../server/engine/clock.js';
import { verifyDatabaseFile } from '../../server/ops/backup.js';
import { readJournal } from '../../server/ops/migrations.js';
import { MIGRATIONS_DIR } from '../../server/paths.js';
import { RELEASE_1, RELEASE_1_FILE } from '../fixtures/make-release-1.js';
import { call, killAll, login, removeDir, startServer, tempDataDir } from './server-process.js';

// The upgrade path: a hall's database made by the first release (tests/fixtures/release-1.sqlite,
// migration 0000 only, see make-release-1.ts) is migrated forward by today's server: a backup
// is made first, every old row comes through, and the hall carries on (its users log in, its
// kiosk's token works, its numbering continues, a retried tap finds its ticket).

let dataDir: string | undefined;
afterAll(() => {
  killAll();
  removeDir(dataDir);
});

type Row = Record<string, unknown>;
/** Every table of the release-1 schema with its release-1 columns, rows keyed by primary key. */
function snapshot(db: Database.Database, tables: Map<string, string[]>): Map<string, Map<string, Row>> {
  const out = new Map<string, Map<string, Row>>();
  for (const [table, cols] of tables) {
    const pk = (db.pragma(`table_info(${table})`) as { name: string; pk: number }[]).filter((c) => c.pk > 0).map((c) => c.name);
    const rows = db.prepare(`SELECT ${cols.map((c) => `"${c}"`).join(', ')} FROM "${table}"`).all() as Row[];
    out.set(table, new Map(rows.map((r) => [pk.map((k) => String(r[k])).join('|'), r])));
  }
  return out;
}

describe('upgrade from the first release', () => {
  it('migrates a release-1 database forward with its data intact, after a backup', { timeout: 90_000 }, async () => {
    dataDir = tempDataDir('upgrade');
    const file = join(dataDir, 'dawr.sqlite');
    copyFileSync(RELEASE_1_FILE, file);

    // Bring the fixture's morning to today (in its own, release-1, schema), so that the hall is
    // mid-day: its numbering must continue, not restart.
    const today = businessDay(Date.now(), 'Asia/Damascus');
    const shift = Date.parse(`${today}T00:00:00Z`) - Date.parse(`${RELEASE_1.day}T00:00:00Z`);
    const old = new Database(file, { fileMustExist: true });
    old.transaction(() => {
      const run = (sql: string) => old.prepare(sql).run({ shift, today, tomorrow: Date.now() + 86_400_000 });
      run('UPDATE tickets SET day = @today, issued_at = issued_at + @shift, called_at = called_at + @shift, started_at = started_at + @shift, ended_at = ended_at + @shift');
      run('UPDATE ticket_events SET at = at + @shift');
      run('UPDATE counter_events SET at = at + @shift');
      run('UPDATE daily_sequences SET day = @today');
      run('UPDATE halls SET current_day = @today');
      run('UPDATE idempotency_keys SET created_at = created_at + @shift');
      run('UPDATE print_jobs SET created_at = created_at + @shift, updated_at = updated_at + @shift');
      run('UPDATE sessions SET expires_at = @tomorrow'); // a clerk logged in before the upgrade
      run('UPDATE devices SET last_seen_at = last_seen_at + @shift');
    })();
    const tables = new Map<string, string[]>();
    for (const { name } of old.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != '__drizzle_migrations'").all() as { name: string }[]) {
      tables.set(name, (old.pragma(`table_info(${name})`) as { name: string }[]).map((c) => c.name));
    }
    const before = snapshot(old, tables);
    expect(old.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get()).toEqual({ n: 1 });
    old.close();

    const server = await startServer({ dataDir });
    // Not a new database: nothing seeded, no tokens printed.
    expect(server.output()).not.toMatch(/dev_/);
    const admin = await login(server.base, 'admin', RELEASE_1.adminPassword);
    const clerk = await login(server.base, 'clerk1', 'release-1-clerk-password');
    const services = (await call(server.base, 'GET', '/api/services')).body as { id: number; code: string; name: { en: string } }[];
    expect(services.map((s) => [s.code, s.name.en])).toEqual([
      ['B', 'Building permits'],
      ['P', 'Property statements'],
      ['F', 'Fees and taxes'],
    ]);
    // A session from before the upgrade still works.
    expect((await call(server.base, 'GET', '/api/tickets/1', { token: 'stf_release1-old-session' })).status).toBe(200);
    // The called ticket is still called at counter 1, the waiting one still waits.
    expect((await call(server.base, 'GET', '/api/tickets/5', { token: clerk })).body).toMatchObject({ number: 'B003', status: 'called', counterId: 1 });
    expect((await call(server.base, 'GET', '/api/tickets/6', { token: clerk })).body).toMatchObject({ number: 'B004', status: 'waiting' });
    // The release-1 kiosk's token still issues, and numbering continues from release 1's sequences.
    const b = await call(server.base, 'POST', '/api/tickets', { token: RELEASE_1.kioskToken, body: { serviceId: 1 } });
    expect(b.status).toBe(201);
    expect(b.body.number).toBe('B005');
    // A tap from before the upgrade, retried, finds its ticket instead of making a second one.
    const retried = await call(server.base, 'POST', '/api/tickets', {
      token: RELEASE_1.kioskToken,
      body: { serviceId: 2 },
      headers: { 'idempotency-key': 'release1-tap-7' },
    });
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ id: 7, number: 'P002' });
    const p = await call(server.base, 'POST', '/api/tickets', { token: RELEASE_1.kioskToken, body: { serviceId: 2 } });
    expect(p.body.number).toBe('P003');
    expect((await call(server.base, 'GET', '/api/admin/health', { token: admin })).body.database.migrations.pending).toEqual([]);
    expect(await server.stop()).toBe(0);

    // A backup of the release-1 database was made before the migration, untouched by it.
    const backups = readdirSync(join(dataDir, 'backups')).filter((f) => f.endsWith('-pre-migration.sqlite'));
    expect(backups).toHaveLength(1);
    const saved = verifyDatabaseFile(join(dataDir, 'backups', backups[0]!));
    expect(saved).toMatchObject({ ok: true, migrations: 1, tickets: 7 });

    // Every release-1 row came through, column by column.
    const db = new Database(file, { readonly: true, fileMustExist: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get()).toEqual({ n: readJournal(MIGRATIONS_DIR).length });
    const after = snapshot(db, tables);
    // What the running hall changes by itself: when devices were last seen, the agent printer's
    // state, the sequences of the tickets just issued, the print jobs' statuses (renamed by
    // migration 0004, then expired or kept by the print queue).
    const changing: Record<string, string[]> = { devices: ['last_seen_at'], printers: ['status'], daily_sequences: ['last'], print_jobs: ['status', 'updated_at'] };
    for (const [table, rows] of before) {
      const now = after.get(table)!;
      for (const [key, row] of rows) {
        const kept = now.get(key);
        expect(kept, `${table} ${key}`).toBeDefined();
        const strip = (r: Row) => Object.fromEntries(Object.entries(r).filter(([c]) => !(changing[table] ?? []).includes(c)));
        expect(strip(kept!), `${table} ${key}`).toEqual(strip(row));
      }
    }
    const jobs = db.prepare('SELECT id, status FROM print_jobs ORDER BY id').all() as { id: number; status: string }[];
    expect(jobs[0]).toEqual({ id: 1, status: 'printed' }); // release 1's 'done'
    expect(['queued', 'expired']).toContain(jobs[1]!.status); // release 1's 'pending'
    const seqs = db.prepare('SELECT service_id AS s, last FROM daily_sequences WHERE day = ? ORDER BY service_id').all(today);
    expect(seqs).toEqual([
      { s: 1, last: 5 },
      { s: 2, last: 3 },
      { s: 3, last: 1 },
    ]);
    // The new columns have their defaults on the old rows.
    expect(db.prepare('SELECT what_to_bring_ar AS w, daily_limit AS l FROM services WHERE id = 1').get()).toEqual({ w: '[]', l: null });
    db.close();
  });
});
