import type Database from 'better-sqlite3';

// Report statements are compiled once per connection and kept.

const compiled = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function prepared(sqlite: Database.Database, sql: string): Database.Statement {
  let byText = compiled.get(sqlite);
  if (!byText) compiled.set(sqlite, (byText = new Map()));
  let statement = byText.get(sql);
  if (!statement) byText.set(sql, (statement = sqlite.prepare(sql)));
  return statement;
}
