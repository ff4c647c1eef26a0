import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemaProblem } from '../../server/ops/schema-check.js';
import { MIGRATIONS_DIR } from '../../server/paths.js';
import { RELEASE_1_FILE, writeForgedHall } from '../fixtures/make-release-1.js';
import { startHall } from '../helpers/hall.js';

// A database is this release's when its migrations are this release's (a first part of them
// for an older release) and its tables are what they make.

let dir: string;
let current: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dawr-schema-'));
  const hall = await startHall();
  await hall.close({ keepData: true });
  current = join(dir, 'current.sqlite');
  const db = new Database(join(hall.dataDir, 'dawr.sqlite'));
  await db.backup(current);
  db.close();
  rmSync(hall.dataDir, { recursive: true, force: true });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of `file`, changed by `sql`, and its verdict. */
function problemOf(file: string, sql = ''): string | null {
  const copy = join(dir, `copy-${Math.random().toString(36).slice(2)}.sqlite`);
  copyFileSync(file, copy);
  const db = new Database(copy);
  try {
    db.exec(sql);
    return schemaProblem(db, MIGRATIONS_DIR);
  } finally {
    db.close();
  }
}

describe('the schema check', () => {
  it("passes this release's database, and the first release's (migrated at start)", () => {
    expect(problemOf(current)).toBeNull();
    expect(problemOf(RELEASE_1_FILE)).toBeNull();
  });

  it('refuses a forged file with the right table names', () => {
    const forged = join(dir, 'forged.sqlite');
    writeForgedHall(forged);
    expect(problemOf(forged)).toBe(
      "its tables are not those of its 0 migrations: table halls is not one of Dawr's; table tickets is not one of Dawr's",
    );
    // The same, claiming this release's migrations.
    const rows = new Database(current, { readonly: true }).prepare('SELECT hash, created_at FROM __drizzle_migrations').all() as { hash: string; created_at: number }[];
    const claims = rows.map((r) => `INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('${r.hash}', ${r.created_at});`).join('');
    expect(problemOf(forged, claims)).toMatch(
      /^its tables are not those of its \d+ migrations: table admin_events is missing; table advice_log is missing; table appointment_contacts is missing and \d+ more$/,
    );

  });

  it('refuses a column, index or trigger the migrations do not make, and unknown migrations', () => {
    expect(problemOf(current, 'ALTER TABLE ratings ADD COLUMN extra TEXT')).toMatch(/table ratings differs \(unexpected extra\)$/);
    expect(problemOf(current, 'ALTER TABLE ratings DROP COLUMN comment')).toMatch(/: table ratings differs \(missing comment\)/);
    expect(problemOf(current, 'DROP INDEX ratings_hall_at')).toMatch(/index ratings_hall_at is missing$/);
    expect(problemOf(current, 'CREATE TRIGGER t AFTER INSERT ON halls BEGIN SELECT 1; END')).toMatch(/trigger t is not one of Dawr's$/);
    expect(problemOf(current, "UPDATE __drizzle_migrations SET hash = 'abc123abc123abc' WHERE rowid = 2")).toBe(
      "its migration 2 (hash abc123abc123…) is not this release's: it was made by another build of Dawr, or altered",
    );
  });
});
