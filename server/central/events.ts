import { HallEvent } from '../protocol/city.js';

// Pure: outbox rows (joined to the rows they name) → the events of the city contract. Only what
// the city reports on crosses: no ticket number, tracking code, phone, comment or details.

export interface OutboxRow {
  seq: number;
  kind: 'ticket' | 'counter' | 'rating';
  at: number | null;
  ticketId: number | null;
  type: string | null;
  fromStatus: string | null;
  toStatus: string | null;
  serviceId: number | null;
  serviceCode: string | null;
  counterId: number | null;
  userId: number | null;
  issuedAt: number | null;
  priority: number | null;
  remote: number | null;
  counterNumber: number | null;
  state: string | null;
  score: number | null;
}

function eventOf(row: OutboxRow): unknown {
  const { seq, at } = row;
  switch (row.kind) {
    case 'ticket':
      return {
        seq, kind: 'ticket', at, ticketId: row.ticketId, type: row.type, fromStatus: row.fromStatus, toStatus: row.toStatus,
        serviceId: row.serviceId, serviceCode: row.serviceCode, counterId: row.counterId, userId: row.userId,
        issuedAt: row.issuedAt, priority: row.priority === 1, remote: row.remote === 1,
      };
    case 'counter':
      return { seq, kind: 'counter', at, counterId: row.counterId, counterNumber: row.counterNumber, state: row.state, userId: row.userId };
    case 'rating':
      return { seq, kind: 'rating', at, ticketId: row.ticketId, issuedAt: row.issuedAt, score: row.score };
  }
}

/**
 * The events of `rows`, checked against the contract: a row the city would refuse (its ticket
 * gone, a bad value) stops the shipper with its seq named, rather than leaving a silent gap.
 */
export function hallEvents(rows: readonly OutboxRow[]): HallEvent[] {
  return rows.map((row) => {
    const parsed = HallEvent.safeParse(eventOf(row));
    if (!parsed.success) throw new Error(`outbox seq ${row.seq} (${row.kind}) cannot be shipped: ${parsed.error.issues[0]?.message}`);
    return parsed.data;
  });
}
