import type pg from 'pg';
import type { BatchAck, EventBatch } from '../protocol/city.js';
import type { HallRow } from './board.js';

// A hall's batch, stored once however often it comes: one transaction that locks the hall's row
// (two batches of one hall never interleave), inserts the events keyed (hall, seq) skipping those
// already held, moves acked_seq over the run now held without a gap, and keeps the status.

const INSERT_EVENTS = `
INSERT INTO hall_events (hall_id, seq, kind, at, ticket_id, issued_at, body)
SELECT $1, (e->>'seq')::bigint, e->>'kind', (e->>'at')::bigint, (e->>'ticketId')::int, (e->>'issuedAt')::bigint, e
FROM jsonb_array_elements($2::jsonb) AS e
ON CONFLICT (hall_id, seq) DO NOTHING`;

// The held run after acked_seq: seq − its rank is the same (= acked_seq) along a run without a gap.
const CONTIGUOUS_END = `
SELECT max(seq) AS acked FROM (
  SELECT seq, seq - row_number() OVER (ORDER BY seq) AS base FROM hall_events WHERE hall_id = $1 AND seq > $2
) run WHERE base = $2`;

const UPDATE_HALL = `
UPDATE halls SET acked_seq = $2, last_heard_at = $3, config_version = $4, status = $5, software = coalesce($6, software)
WHERE id = $1
RETURNING id, name_ar AS "nameAr", name_en AS "nameEn", time_zone AS "timeZone", token_hash AS "tokenHash",
  acked_seq::float8 AS "ackedSeq", last_heard_at::float8 AS "lastHeardAt", config_version AS "configVersion",
  status, software, created_at::float8 AS "createdAt"`;

const NEWEST_VERSION = 'SELECT coalesce(max(version), 0) AS version FROM config_versions';

export async function ingestBatch(pool: pg.Pool, hallId: number, batch: EventBatch, now: number): Promise<{ ack: BatchAck; hall: HallRow }> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const locked = await client.query<{ acked_seq: string }>({ name: 'city-lock-hall', text: 'SELECT acked_seq FROM halls WHERE id = $1 FOR UPDATE', values: [hallId] });
    let acked = Number(locked.rows[0]!.acked_seq);
    const beyond = batch.events.some((e) => e.seq > acked);
    if (beyond) {
      await client.query({ name: 'city-insert-events', text: INSERT_EVENTS, values: [hallId, JSON.stringify(batch.events)] });
      const run = await client.query<{ acked: string | null }>({ name: 'city-contiguous', text: CONTIGUOUS_END, values: [hallId, acked] });
      if (run.rows[0]!.acked !== null) acked = Number(run.rows[0]!.acked);
    }
    const values = [hallId, acked, now, batch.configVersion, JSON.stringify(batch.status), batch.software ?? null];
    const updated = await client.query<HallRow>({ name: 'city-update-hall', text: UPDATE_HALL, values });
    const newest = await client.query<{ version: number }>({ name: 'city-newest-version', text: NEWEST_VERSION });
    await client.query('COMMIT');
    return { ack: { ackedSeq: acked, configVersion: newest.rows[0]!.version }, hall: updated.rows[0]! };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}
