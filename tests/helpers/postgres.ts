import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../../server/city/embedded-postgres.js';

// A real PostgreSQL for tests: the embedded server the city uses without DATABASE_URL, in a fresh
// temporary folder (0755: the `postgres` user runs it when the tests run as root).

export interface TestPostgres {
  url(db?: string): string;
  /** A new empty database on this server, and its URL. */
  freshDatabase(): Promise<string>;
  stop(): Promise<void>;
}

let made = 0;

export async function startPostgres(): Promise<TestPostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'dawr-pg-'));
  chmodSync(dir, 0o755);
  const server = await startEmbeddedPostgres(join(dir, 'postgres'));
  return {
    url: server.url,
    async freshDatabase() {
      const name = `t${process.pid}_${++made}`;
      await server.createDatabase(name);
      return server.url(name);
    },
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
