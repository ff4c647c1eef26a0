import Database from 'better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';

// Is a database file what this release's migrations make? A file with the right table names is
// not enough: the server would start on it, fail on the first query, and restart forever. The
// migrations it records must be this release's, in order (an older release's database has the
// first ones only: it is migrated at start), and every table, column, index, trigger and view
// must be what those migrations make, compared with a database built from them in memory.

/** What the migrations make, object by object: `table halls` → its columns and foreign keys. */
function shapeOf(db: Database.Database): Map<string, string> {
  const objects = db
    .prepare("SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' AND name != '__drizzle_migrations' ORDER BY type, name")
    .all() as { type: string; name: string; sql: string | null }[];
  const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;
  return new Map(
    objects.map(({ type, name, sql }) => {
      const shape =
        type === 'table'
          ? { columns: db.pragma(`table_xinfo(${quoted(name)})`), foreignKeys: db.pragma(`foreign_key_list(${quoted(name)})`) }
          : type === 'index'
            ? { columns: db.pragma(`index_xinfo(${quoted(name)})`), sql }
            : { sql };
      return [`${type} ${name}`, JSON.stringify(shape)];
    }),
  );
}

/** The columns of `table` in a shape, by name. */
const columnNames = (shape: string | undefined) =>
  shape ? (JSON.parse(shape) as { columns: { name: string }[] }).columns.map((c) => c.name) : [];

/**
 * Why `db` is not a database of this release's migrations (or of a first part of them), in words
 * an IT person can act on; null when it is.
 */
export function schemaProblem(db: Database.Database, migrationsDir: string): string | null {
  const release = readMigrationFiles({ migrationsFolder: migrationsDir });
  const applied = db.prepare('SELECT hash FROM __drizzle_migrations ORDER BY CAST(created_at AS INTEGER), rowid').pluck().all() as string[];
  if (applied.length > release.length) return `it records ${applied.length} migrations, this release has ${release.length}: it comes from a newer release`;
  const unknown = applied.findIndex((hash, i) => hash !== release[i]!.hash);
  if (unknown >= 0) {
    return `its migration ${unknown + 1} (hash ${applied[unknown]!.slice(0, 12)}…) is not this release's: it was made by another build of Dawr, or altered`;
  }

  const expected = new Database(':memory:');
  try {
    for (const migration of release.slice(0, applied.length)) {
      for (const statement of migration.sql) if (statement.trim()) expected.exec(statement);
    }
    const want = shapeOf(expected);
    const have = shapeOf(db);
    const differences: string[] = [];
    const tablesFirst = (a: string, b: string) => Number(!a.startsWith('table ')) - Number(!b.startsWith('table ')) || a.localeCompare(b);
    for (const key of [...new Set([...want.keys(), ...have.keys()])].sort(tablesFirst)) {
      if (want.get(key) === have.get(key)) continue;
      if (!have.has(key)) differences.push(`${key} is missing`);
      else if (!want.has(key)) differences.push(`${key} is not one of Dawr's`);
      else if (key.startsWith('table ')) {
        const [w, h] = [columnNames(want.get(key)), columnNames(have.get(key))];
        const missing = w.filter((c) => !h.includes(c));
        const extra = h.filter((c) => !w.includes(c));
        const detail = [missing.length ? `missing ${missing.join(', ')}` : '', extra.length ? `unexpected ${extra.join(', ')}` : ''].filter(Boolean);
        differences.push(`${key} differs (${detail.join('; ') || 'column types, defaults or keys'})`);
      } else differences.push(`${key} differs`);
    }
    if (differences.length === 0) return null;
    const more = differences.length > 3 ? ` and ${differences.length - 3} more` : '';
    return `its tables are not those of its ${applied.length} migrations: ${differences.slice(0, 3).join('; ')}${more}`;
  } finally {
    expected.close();
  }
}
