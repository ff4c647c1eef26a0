import type pg from 'pg';
import type { BatchAck, EventBatch } from '../protocol/city.js';
import type { HallRow } from './board.js';

// A hall's batch, stored once however often it comes: one transaction that locks the hall's row
// (two batches of one hall never interleave), inserts the events keyed (hall, seq) skipping those
// already held, moves acked_seq over the run now held without a gap, and keeps the status.

// Inserts the events, then finds the end of the run held after acked_seq ($3): the statement sees
// the table as it was before, so the rows it inserted are added to it. Along a run without a gap,
// seq − its rank is the same (= acked_seq).
const INSERT_EVENTS = `
WITH inserted AS (
  INSERT INTO hall_events (hall_id, seq, kind, at, ticket_id, issued_at, body)
  SELECT $1, (e->>'seq')::bigint, e->>'kind', (e->>'at')::bigint, (e->>'ticketId')::int, (e->>'issuedAt')::bigint, e
  FROM jsonb_array_elements($2::jsonb) AS e
  ON CONFLICT (hall_id, seq) DO NOTHING
  RETURNING seq
), held AS (
  SELECT seq FROM hall_events WHERE hall_id = $1 AND seq > $3 UNION SELECT seq FROM inserted
)
SELECT max(seq)::float8 AS acked FROM (SELECT seq, seq - row_number() OVER (ORDER BY seq) AS base FROM held) run WHERE base = $3`;

// The city's reports keep past hall-days (reports.ts): those the batch's tickets were issued on
// (or its counter changes happened on), in the hall's zone, are dropped.
const DROP_REPORT_DAYS = `
DELETE FROM report_days WHERE hall_id = $1 AND day BETWEEN
  (to_timestamp($2 / 1000.0) AT TIME ZONE (SELECT time_zone FROM halls WHERE id = $1))::date AND
  (to_timestamp($3 / 1000.0) AT TIME ZONE (SELECT time_zone FROM halls WHERE id = $1))::date`;

// A batch retried late may carry an older status than the last one kept: the newer one stays.
const UPDATE_HALL = `
UPDATE halls SET acked_seq = $2, last_heard_at = $3,
  config_version = CASE WHEN older THEN config_version ELSE $4 END,
  status = CASE WHEN older THEN status ELSE $5 END,
  software = CASE WHEN older THEN software ELSE coalesce($6, software) END
FROM (SELECT coalesce((status->>'at')::bigint > ($5::jsonb->>'at')::bigint, false) AS older FROM halls WHERE id = $1) kept
WHERE id = $1
RETURNING id, name_ar AS "nameAr", name_en AS "nameEn", name_fr AS "nameFr", time_zone AS "timeZone", token_hash AS "tokenHash",
  acked_seq::float8 AS "ackedSeq", last_heard_at::float8 AS "lastHeardAt", config_version AS "configVersion",
  status, software, created_at::float8 AS "createdAt",
  (SELECT coalesce(max(version), 0) FROM config_versions) AS "newestVersion"`;

export async function ingestBatch(pool: pg.Pool, hallId: number, batch: EventBatch, now: number): Promise<{ ack: BatchAck; hall: HallRow }> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const locked = await client.query<{ acked_seq: string }>({ name: 'city-lock-hall', text: 'SELECT acked_seq FROM halls WHERE id = $1 FOR UPDATE', values: [hallId] });
    let acked = Number(locked.rows[0]!.acked_seq);
    const beyond = batch.events.some((e) => e.seq > acked);
    if (beyond) {
      const run = await client.query<{ acked: number | null }>({ name: 'city-insert-events', text: INSERT_EVENTS, values: [hallId, JSON.stringify(batch.events), acked] });
      acked = run.rows[0]!.acked ?? acked;
      const touched = batch.events.map((e) => (e.kind === 'counter' ? e.at : e.issuedAt));
      await client.query({ name: 'city-drop-report-days', text: DROP_REPORT_DAYS, values: [hallId, Math.min(...touched), Math.max(...touched)] });
    }
    const values = [hallId, acked, now, batch.configVersion, JSON.stringify(batch.status), batch.software ?? null];
    const updated = await client.query<HallRow & { newestVersion: number }>({ name: 'city-update-hall', text: UPDATE_HALL, values });
    await client.query('COMMIT');
    const { newestVersion, ...hall } = updated.rows[0]!;
    return { ack: { ackedSeq: acked, configVersion: newestVersion }, hall };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}
