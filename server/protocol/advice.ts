import { z } from 'zod';

// The staffing advisor in the hall (issue 18): what the supervisor's board shows and the log keeps.
// `/api/advice` (server/routes/advice.ts) and the `/staff` event `advice` (supervisors and admins).

const IsoTime = z.string();

export const AdviceEffect = z.object({
  /** The service it helps. */
  serviceId: z.number(),
  /** Its expected mean wait over the next hour, without and with the advice (s). */
  waitBeforeS: z.number(),
  waitAfterS: z.number(),
  /** The change of every other service's mean wait (+ longer). */
  othersDeltaS: z.number(),
});

export const AdviceItem = z.object({
  id: z.number(),
  /** add-service / drop-service: `serviceIds` holds the one service; open-counter: those the clerk should take. */
  kind: z.enum(['add-service', 'drop-service', 'open-counter']),
  /** Null: open one more counter, whichever. */
  counterId: z.number().nullable(),
  counterNumber: z.number().nullable(),
  serviceIds: z.array(z.number()),
  /** How long the change is meant for; null for open-counter. */
  forMinutes: z.number().nullable(),
  effect: AdviceEffect,
  shownAt: IsoTime,
});
export type AdviceItem = z.infer<typeof AdviceItem>;

/** `advice`: the recommendations shown now (at most two), sent on connect and whenever they change. */
export const AdviceList = z.array(AdviceItem);

export const AdviceLogEntry = AdviceItem.extend({
  status: z.enum(['shown', 'applied', 'dismissed', 'expired']),
  decidedAt: IsoTime.nullable(),
  /** Who applied or dismissed it. */
  decidedBy: z.object({ id: z.number(), name: z.string() }).nullable(),
  /** What followed, once its window (forMinutes, an hour for open-counter) is over: the helped
   *  service's mean wait of the tickets called in it, and how many; null until then. */
  followed: z.object({ waitS: z.number(), calls: z.number() }).nullable(),
});
export type AdviceLogEntry = z.infer<typeof AdviceLogEntry>;
