import { io, type Socket } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import { BoardRow } from '../../server/protocol/city.js';
import { startForwarder, type Forwarder } from '../helpers/forwarder.js';
import { cityLogin, createHall, issueTickets, startCityProcess, startLinkedHall, untilShipped, type LinkedHall } from '../helpers/city-process.js';
import { startPostgres } from '../helpers/postgres.js';
import { killAll, login, removeDir, tempDataDir, until } from './server-process.js';

// The city tier scaled out: two city processes on one PostgreSQL, each behind its own link (as
// behind a load balancer, no sticky sessions). A board open on process 1 sees, live, a hall
// whose batches reach process 2 only.

let pg: Awaited<ReturnType<typeof startPostgres>> | undefined;
const links: Forwarder[] = [];
const dirs: string[] = [];
let board: Socket | undefined;

afterAll(async () => {
  board?.close();
  killAll();
  for (const link of links) await link.close();
  dirs.forEach(removeDir);
  await pg?.stop();
});

describe('two city processes on one database', () => {
  it('a board client on process 1 sees the row of a hall ingested through process 2', { timeout: 180_000 }, async () => {
    pg = await startPostgres();
    const databaseUrl = await pg.freshDatabase();
    const one = await startCityProcess({ databaseUrl });
    const two = await startCityProcess({ databaseUrl });
    dirs.push(one.dataDir, two.dataDir);
    const toOne = await startForwarder(one.port);
    const toTwo = await startForwarder(two.port);
    links.push(toOne, toTwo);

    // Staff log in through one process and watch through the other: sessions live in the database.
    const admin = await cityLogin(toTwo.url);
    const created = await createHall(toTwo.url, admin, 'Old Town', 'البلدة القديمة');
    const rows: BoardRow[] = [];
    board = io(`${toOne.url}/city`, { auth: { token: admin }, transports: ['websocket'], reconnection: false });
    board.on('hall', (row: unknown) => rows.push(BoardRow.parse(row)));
    await new Promise<void>((resolve, reject) => {
      board!.once('connect', () => resolve());
      board!.once('connect_error', reject);
    });

    const dataDir = tempDataDir('hall-scale');
    dirs.push(dataDir);
    const server = await startLinkedHall({ dataDir, centralUrl: toTwo.url, token: created.token });
    const hall: LinkedHall = { id: created.id, token: created.token, link: toTwo, server, dataDir, staffToken: await login(server.base), kioskToken: server.tokens.kiosk };
    await issueTickets(hall, 3);
    await untilShipped(databaseUrl, hall);

    const row = await until('a hall row with 3 tickets on process 1', () => rows.find((r) => r.id === hall.id && r.issuedToday === 3), 15_000);
    expect(row).toMatchObject({ stale: false, waiting: 3 });
  });
});
