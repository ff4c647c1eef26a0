import { readFileSync } from 'node:fs';
import { z } from 'zod';

// A day to simulate: the trace (who comes, when, for what, for how long) and the roster (who
// works, with which skills, when), in the formats of shared/bench/FORMAT.md. Services and
// counters get the small integer ids the engine works with, in the roster's order.

export interface DayService {
  id: number;
  code: string;
  targetWaitS: number;
  /** The hall's configured average visit length, if the roster gives one (an extension). */
  avgServiceS?: number;
}

export interface DayCounter {
  id: number;
  code: string;
  /** Service ids in the counter's order of preference. */
  serviceIds: number[];
  /** What its clerk is able to serve (FORMAT.md "Extensions (v2)", `qualified`): a superset of serviceIds. */
  qualifiedServiceIds: number[];
  startS: number;
  endS: number;
}

export interface Visitor {
  /** Row order in the trace, 0-based; also the ticket id minus one. */
  index: number;
  arrivalS: number;
  serviceId: number;
  serviceS: number;
  priority: boolean;
  /** Start of the booked slot for an appointment (arrivalS is then the check-in), else null. */
  slotS: number | null;
}

export interface Day {
  services: DayService[];
  counters: DayCounter[];
  visitors: Visitor[];
}

export class DayFormatError extends Error {}

const RosterSchema = z.object({
  services: z
    .array(
      z.object({
        code: z.string().min(1),
        targetWaitS: z.number().positive(),
        avgServiceS: z.number().positive().optional(),
      }),
    )
    .min(1),
  counters: z.array(
    z.object({
      id: z.string().min(1),
      services: z.array(z.string().min(1)),
      qualified: z.array(z.string().min(1)).optional(),
      startS: z.number().finite(),
      endS: z.number().finite(),
    }),
  ),
});

export type Roster = z.infer<typeof RosterSchema>;

export function parseRoster(text: string, source = 'roster'): Roster {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new DayFormatError(`${source}: not JSON (${(e as Error).message})`);
  }
  const parsed = RosterSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    throw new DayFormatError(`${source}: ${first.path.join('.') || '(root)'}: ${first.message}`);
  }
  const roster = parsed.data;
  const codes = new Set<string>();
  for (const s of roster.services) {
    if (codes.has(s.code)) throw new DayFormatError(`${source}: service ${s.code} is listed twice`);
    codes.add(s.code);
  }
  const ids = new Set<string>();
  for (const c of roster.counters) {
    if (ids.has(c.id)) throw new DayFormatError(`${source}: counter ${c.id} is listed twice`);
    ids.add(c.id);
    for (const code of c.services)
      if (!codes.has(code)) throw new DayFormatError(`${source}: counter ${c.id} serves unknown service ${code}`);
    for (const code of c.qualified ?? []) if (!codes.has(code)) throw new DayFormatError(`${source}: counter ${c.id} is qualified for unknown service ${code}`);
    const missing = c.qualified && c.services.find((code) => !c.qualified!.includes(code));
    if (missing) throw new DayFormatError(`${source}: counter ${c.id} serves ${missing} but is not qualified for it (qualified must include every service it serves)`);
    if (c.endS < c.startS) throw new DayFormatError(`${source}: counter ${c.id} ends (${c.endS}) before it starts (${c.startS})`);
  }
  return roster;
}

const HEADER = 'arrival_s,service,service_s,priority';
/** FORMAT.md "Extensions (v2)": appointments carry the start of their slot; empty for a walk-in. */
const HEADER_WITH_SLOTS = `${HEADER},slot_s`;

const RowSchema = z.object({
  arrival_s: z.number().finite(),
  service: z.string().min(1),
  service_s: z.number().finite().nonnegative(),
  priority: z.union([z.literal(0), z.literal(1)]),
  slot_s: z.number().finite().nullable(),
});

export interface TraceRow {
  arrivalS: number;
  service: string;
  serviceS: number;
  priority: boolean;
  slotS: number | null;
}

export function parseTrace(text: string, source = 'trace'): TraceRow[] {
  const lines = text.split(/\r?\n/);
  const header = lines[0]?.trim();
  if (header !== HEADER && header !== HEADER_WITH_SLOTS) throw new DayFormatError(`${source}:1: header must be "${HEADER}" or "${HEADER_WITH_SLOTS}"`);
  const columns = header.split(',').length;
  const rows: TraceRow[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    const cells = line.split(',');
    const where = `${source}:${i + 1}`;
    if (cells.length !== columns) throw new DayFormatError(`${where}: expected ${columns} columns, got ${cells.length}`);
    const num = (s: string) => (s.trim() === '' ? NaN : Number(s));
    const parsed = RowSchema.safeParse({
      arrival_s: num(cells[0]!),
      service: cells[1]!.trim(),
      service_s: num(cells[2]!),
      priority: num(cells[3]!),
      slot_s: cells[4] === undefined || cells[4].trim() === '' ? null : num(cells[4]),
    });
    if (!parsed.success) {
      const first = parsed.error.issues[0]!;
      throw new DayFormatError(`${where}: ${first.path.join('.')}: ${first.message}`);
    }
    const r = parsed.data;
    const prev = rows[rows.length - 1];
    if (prev && r.arrival_s < prev.arrivalS) throw new DayFormatError(`${where}: arrival_s ${r.arrival_s} is before the row above; the trace must be sorted`);
    rows.push({ arrivalS: r.arrival_s, service: r.service, serviceS: r.service_s, priority: r.priority === 1, slotS: r.slot_s });
  }
  return rows;
}

export function buildDay(roster: Roster, trace: TraceRow[], source = 'trace'): Day {
  const services = roster.services.map((s, i): DayService => ({ id: i + 1, ...s }));
  const byCode = new Map(services.map((s) => [s.code, s.id]));
  const counters = roster.counters.map(
    (c, i): DayCounter => ({
      id: i + 1,
      code: c.id,
      serviceIds: c.services.map((s) => byCode.get(s)!),
      qualifiedServiceIds: (c.qualified ?? c.services).map((s) => byCode.get(s)!),
      startS: c.startS,
      endS: c.endS,
    }),
  );
  const visitors = trace.map((r, index): Visitor => {
    const serviceId = byCode.get(r.service);
    if (serviceId === undefined) throw new DayFormatError(`${source}:${index + 2}: service ${r.service} is not in the roster`);
    return { index, arrivalS: r.arrivalS, serviceId, serviceS: r.serviceS, priority: r.priority, slotS: r.slotS };
  });
  return { services, counters, visitors };
}

export function loadDay(tracePath: string, rosterPath: string): Day {
  const read = (p: string) => {
    try {
      return readFileSync(p, 'utf8');
    } catch (e) {
      throw new DayFormatError(`cannot read ${p}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  };
  return buildDay(parseRoster(read(rosterPath), rosterPath), parseTrace(read(tracePath), tracePath), tracePath);
}

/** The configured average of a service the hall knows nothing of (no roster figure, no earlier day). */
export const UNKNOWN_AVERAGE_S = 300;

/**
 * serviceId → the hall's configured average visit length, as a hall knows it in the morning: the
 * roster's avgServiceS, else that service's mean service_s on `priorDay` (an earlier day of the
 * hall, matched by service code), else UNKNOWN_AVERAGE_S. Never the day's own visits: a hall does
 * not know them before they come.
 */
export function configuredAverageS(day: Day, priorDay?: Day): Map<number, number> {
  const earlier = new Map<string, number>();
  if (priorDay) {
    for (const s of priorDay.services) {
      const own = priorDay.visitors.filter((v) => v.serviceId === s.id && v.serviceS > 0);
      if (own.length > 0) earlier.set(s.code, own.reduce((a, v) => a + v.serviceS, 0) / own.length);
    }
  }
  return new Map(day.services.map((s) => [s.id, s.avgServiceS ?? earlier.get(s.code) ?? UNKNOWN_AVERAGE_S]));
}
