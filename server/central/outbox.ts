import type Database from 'better-sqlite3';
import type { Connection } from '../../db/connection.js';
import type { OutboxRow } from './events.js';

// The hall's side of the outbox (filled by triggers, db/migrations/0011_central_outbox.sql): what
// is left to ship, and the one central_state row. Reads only the outbox and the rows it names.

/** One indexed read: the outbox rows after `seq`, oldest first, joined to the rows they name. */
const BATCH_SQL = `
SELECT o.seq, o.kind,
  coalesce(te.at, ce.at, r.at) AS at,
  coalesce(te.ticket_id, r.ticket_id) AS ticketId,
  te.type, te.from_status AS fromStatus, te.to_status AS toStatus,
  te.service_id AS serviceId, s.code AS serviceCode,
  coalesce(te.counter_id, ce.counter_id) AS counterId,
  coalesce(te.user_id, ce.user_id) AS userId,
  coalesce(t.issued_at, rt.issued_at) AS issuedAt, t.priority, t.remote,
  c.number AS counterNumber, ce.state, r.score
FROM outbox o
LEFT JOIN ticket_events te ON o.kind = 'ticket' AND te.id = o.ref_id
LEFT JOIN tickets t ON t.id = te.ticket_id
LEFT JOIN services s ON s.id = te.service_id
LEFT JOIN counter_events ce ON o.kind = 'counter' AND ce.id = o.ref_id
LEFT JOIN counters c ON c.id = ce.counter_id
LEFT JOIN ratings r ON o.kind = 'rating' AND r.id = o.ref_id
LEFT JOIN tickets rt ON rt.id = r.ticket_id
WHERE o.seq > ? ORDER BY o.seq LIMIT ?`;

export interface CentralState {
  ackedSeq: number;
  prunedThrough: number;
  configVersion: number;
}

function prepare(sqlite: Database.Database) {
  return {
    batch: sqlite.prepare(BATCH_SQL),
    newest: sqlite.prepare('SELECT seq FROM outbox ORDER BY seq DESC LIMIT 1').pluck(),
    state: sqlite.prepare('SELECT acked_seq AS ackedSeq, pruned_through AS prunedThrough, config_version AS configVersion FROM central_state WHERE id = 1'),
    ack: sqlite.prepare('UPDATE central_state SET acked_seq = ?, pruned_through = ? WHERE id = 1'),
    prune: sqlite.prepare('DELETE FROM outbox WHERE seq <= ?'),
  };
}

const prepared = new WeakMap<Connection, ReturnType<typeof prepare>>();
const statements = (conn: Connection) => {
  let s = prepared.get(conn);
  if (!s) prepared.set(conn, (s = prepare(conn.sqlite)));
  return s;
};

export const readBatch = (conn: Connection, afterSeq: number, limit: number): OutboxRow[] =>
  statements(conn).batch.all(afterSeq, limit) as OutboxRow[];

/** The newest seq written (0: none yet, or all pruned and nothing since: then see prunedThrough). */
export const newestSeq = (conn: Connection): number => (statements(conn).newest.get() as number | undefined) ?? 0;

export const readCentralState = (conn: Connection): CentralState => statements(conn).state.get() as CentralState;

/**
 * Records what the city holds and prunes the outbox, keeping `keep` acknowledged rows to send
 * again to a city restored from an older backup. Writes only once `every` more rows can go, so
 * that the shipper's commits (and their fsyncs) stay rare beside the queue's.
 */
export function recordAck(conn: Connection, ackedSeq: number, { keep, every }: { keep: number; every: number }): void {
  const s = statements(conn);
  const pruneTo = ackedSeq - keep;
  if (pruneTo < readCentralState(conn).prunedThrough + every) return;
  conn.sqlite.transaction(() => {
    s.ack.run(ackedSeq, pruneTo);
    s.prune.run(pruneTo);
  })();
}
