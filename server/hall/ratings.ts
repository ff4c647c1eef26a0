import { and, eq, gte, isNull, lt, sql } from 'drizzle-orm';
import { inTransaction, type Connection } from '../../db/connection.js';
import { ratings, tickets } from '../../db/schema.js';
import { HallError } from './errors.js';
import type { TicketRow } from './state.js';

// The citizen's one tap after the visit. Anonymous: the rating keeps the ticket, service and
// counter it rates (for reports), never who gave it.

export type Score = 1 | 2 | 3;

/** Control characters out (newlines kept); at most 500 characters. */
const cleanComment = (text: string | undefined) => {
  const clean = (text ?? '').replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, '').trim().slice(0, 500);
  return clean.length ? clean : null;
};

/** Rates a finished visit, once. */
export function rateVisit(conn: Connection, now: number, ticket: TicketRow, body: { score: Score; comment?: string }): void {
  inTransaction(conn, () => {
    const t = conn.db.select().from(tickets).where(eq(tickets.id, ticket.id)).get()!;
    if (t.status !== 'done') throw new HallError('invalid_transition', `a ${t.status} ticket cannot be rated: only a finished visit can`);
    const inserted = conn.db
      .insert(ratings)
      .values({
        hallId: t.hallId,
        ticketId: t.id,
        serviceId: t.serviceId,
        counterId: t.counterId,
        score: body.score,
        comment: cleanComment(body.comment),
        at: now,
      })
      .onConflictDoNothing({ target: ratings.ticketId })
      .returning({ id: ratings.id })
      .get();
    if (!inserted) throw new HallError('conflict', 'this visit has been rated already');
  });
}

export interface RatingCounts {
  /** score → how many. */
  counts: Record<Score, number>;
  total: number;
  comments: number;
}

/** The ratings given in [from, to), for reports: per service when `serviceId` is given. */
export function ratingCounts(conn: Connection, hallId: number, from: number, to: number, serviceId?: number): RatingCounts {
  const rows = conn.db
    .select({ score: ratings.score, n: sql<number>`count(*)`, comments: sql<number>`count(${ratings.comment})` })
    .from(ratings)
    .where(
      and(
        eq(ratings.hallId, hallId),
        gte(ratings.at, from),
        lt(ratings.at, to),
        serviceId === undefined ? undefined : eq(ratings.serviceId, serviceId),
      ),
    )
    .groupBy(ratings.score)
    .all();
  const counts: Record<Score, number> = { 1: 0, 2: 0, 3: 0 };
  let comments = 0;
  for (const r of rows) {
    counts[r.score as Score] = r.n;
    comments += r.comments;
  }
  return { counts, total: counts[1] + counts[2] + counts[3], comments };
}

/** The optional word after the tap: once, on a rating without one. */
export function addComment(conn: Connection, ticketId: number, comment: string): void {
  const text = cleanComment(comment);
  if (!text) throw new HallError('invalid_request', 'comment: empty');
  const updated = conn.db
    .update(ratings)
    .set({ comment: text })
    .where(and(eq(ratings.ticketId, ticketId), isNull(ratings.comment)))
    .returning({ id: ratings.id })
    .get();
  if (!updated) throw new HallError('conflict', 'rate the visit first; a comment is added once');
}
