import { openDatabase, migrateDatabase, type Connection } from '../../db/connection.js';
import { seedDatabase } from '../../db/seed.js';
import { businessDay } from '../../server/engine/clock.js';
import { MIGRATIONS_DIR } from '../../server/paths.js';
import { nextDay, startOfLocalDay } from '../../server/reports/zone.js';
import { lognormal } from '../../server/engine/advisor/random.js';
import { rng } from '../day/generate.js';

// A year of a busy hall written straight into a SQLite file: the demo hall (Asia/Damascus) grown
// to 54 counters and 66 clerks, Sunday to Thursday, about 3,800 tickets a working day. Each
// ticket's events are those the server writes (issue, call, recall, start, complete, no_show,
// transfer, cancel), with the server's statuses and details. Counters serve their services first
// come, first served (each ticket goes to the eligible counter free soonest), so waits grow in the
// morning rush. Mix: 4% transfers, 4% no-shows (after one recall), 2% leave (cancelled), 15% of
// the served skip Start; the day's leftovers are cancelled at midnight; ratings when the table
// exists. Seeded and reproducible.

const HOUR = 3_600_000;
const MIN = 60_000;

interface Service { id: number; code: string; share: number; meanS: number }
interface Counter { id: number; serviceIds: number[]; clerkId: number; freeAt: number; pause: [number, number] | null }

const SERVICES: Omit<Service, 'id'>[] = [
  { code: 'F', share: 0.25, meanS: 120 },
  { code: 'D', share: 0.22, meanS: 180 },
  { code: 'P', share: 0.18, meanS: 240 },
  { code: 'B', share: 0.15, meanS: 360 },
  { code: 'C', share: 0.12, meanS: 300 },
  { code: 'E', share: 0.08, meanS: 540 },
];
/** Arrivals through the day: [local hour, relative rate]. */
const SHAPE: [number, number][] = [[8, 0.8], [9, 1.4], [10, 1.5], [11, 1.2], [12, 1.0], [13, 0.7], [14, 0.4], [14.5, 0.2]];
const SHAPE_AREA = SHAPE.slice(1).reduce((sum, [h1, r1], i) => sum + ((r1 + SHAPE[i]![1]) / 2) * (h1 - SHAPE[i]![0]), 0);
const COUNTERS = 54;
const NOTES = ['المواطن سيعود بالأوراق الناقصة', 'تمت الإحالة بعد تدقيق الطلب', 'يحتاج توقيع رئيس الدائرة'];
const COMMENTS = ['شكراً على حسن المعاملة', 'الانتظار طويل', 'الموظف متعاون جداً'];

export interface GenerateOptions {
  /** The data folder; the database is its dawr.sqlite, as the server's DATA_DIR. */
  dataDir: string;
  /** Local days `YYYY-MM-DD`, both included. */
  from: string;
  to: string;
  ticketsPerDay: number;
  seed: number;
}

function rateAt(h: number): number {
  for (let i = 1; i < SHAPE.length; i++) {
    const [h0, r0] = SHAPE[i - 1]!;
    const [h1, r1] = SHAPE[i]!;
    if (h <= h1) return r0 + ((r1 - r0) * (h - h0)) / (h1 - h0);
  }
  return 0;
}

async function setUpHall(conn: Connection, random: () => number) {
  const report = await seedDatabase(conn, { seed: 'demo', adminPassword: 'bench-password-123' });
  const { sqlite } = conn;
  const services = (sqlite.prepare('SELECT id, code FROM services ORDER BY id').all() as { id: number; code: string }[]).map((s) => ({
    ...SERVICES.find((x) => x.code === s.code)!,
    id: s.id,
  }));
  const addUser = sqlite.prepare("INSERT INTO users (hall_id, username, password_hash, role, display_name) VALUES (?, ?, 'x', 'clerk', ?)");
  const clerks = Array.from({ length: 66 }, (_, i) => Number(addUser.run(report.hallId, `clerk${i + 1}`, `موظف ${i + 1}`).lastInsertRowid));
  const addCounter = sqlite.prepare('INSERT INTO counters (hall_id, number) VALUES (?, ?)');
  const addSkill = sqlite.prepare('INSERT INTO counter_services (counter_id, service_id, rank) VALUES (?, ?, ?)');
  const existing = sqlite.prepare('SELECT id FROM counters ORDER BY number').all() as { id: number }[];
  const counters: Counter[] = [];
  const work = services.reduce((sum, s) => sum + s.share * s.meanS, 0);
  const assigned = new Map<number, number>();
  const deficit = (s: Service) => (s.share * s.meanS * COUNTERS) / work - (assigned.get(s.id) ?? 0);
  for (let n = 1; n <= COUNTERS; n++) {
    const id = existing[n - 1]?.id ?? Number(addCounter.run(report.hallId, n).lastInsertRowid);
    // Counters split by the services' shares of the work; each helps with a second service.
    const main = services.reduce((a, b) => (deficit(b) > deficit(a) ? b : a));
    assigned.set(main.id, (assigned.get(main.id) ?? 0) + 1);
    const help = services[Math.floor(random() * services.length)]!;
    const serviceIds = main.id === help.id ? [main.id] : [main.id, help.id];
    if (!existing[n - 1]) serviceIds.forEach((s, rank) => addSkill.run(id, s, rank));
    counters.push({ id, serviceIds, clerkId: clerks[n - 1]!, freeAt: 0, pause: null });
  }
  const kioskId = report.devices.find((d) => d.kind === 'kiosk')!.id;
  const supervisorId = sqlite.prepare("SELECT id FROM users WHERE username = 'supervisor'").pluck().get() as number;
  return { hallId: report.hallId, services, counters, clerks, kioskId, supervisorId };
}

export async function generateYear(opts: GenerateOptions): Promise<{ tickets: number; events: number }> {
  const conn = openDatabase(opts.dataDir);
  migrateDatabase(conn, MIGRATIONS_DIR);
  const { sqlite } = conn;
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('foreign_keys = OFF'); // events are written before their ticket's final row; consistent by construction
  const random = rng(opts.seed);
  const hall = await setUpHall(conn, random);
  const hasRatings = !!sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'ratings'").get();
  const zone = 'Asia/Damascus';

  const insTicket = sqlite.prepare(`INSERT INTO tickets (id, hall_id, service_id, day, sequence, number, status, issued_at,
    called_at, started_at, ended_at, counter_id, recalls, tracking_code, device_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`);
  const insEvent = sqlite.prepare(`INSERT INTO ticket_events (hall_id, ticket_id, type, from_status, to_status, at, service_id,
    counter_id, user_id, device_id, details) VALUES (?,?,?,?,?,?,?,?,?,?,?)`);
  const insCounterEvent = sqlite.prepare('INSERT INTO counter_events (hall_id, counter_id, state, reason, user_id, at) VALUES (?,?,?,?,?,?)');
  const insRating = hasRatings
    ? sqlite.prepare('INSERT INTO ratings (ticket_id, hall_id, service_id, counter_id, score, comment, at) VALUES (?,?,?,?,?,?,?)')
    : null;

  let ticketId = 0;
  let events = 0;
  const H = hall.hallId;
  const ev = (t: number, type: string, from: string | null, to: string, at: number, s: number, c: number | null, u: number | null, details: object | null = null) => {
    insEvent.run(H, t, type, from, to, at, s, c, u, type === 'issue' ? hall.kioskId : null, details && JSON.stringify(details));
    events++;
  };
  const pick = (serviceId: number, at: number) => {
    let best: Counter | undefined;
    for (const c of hall.counters) if (c.serviceIds.includes(serviceId) && (!best || c.freeAt < best.freeAt)) best = c;
    let callAt = Math.max(at, best!.freeAt) + Math.floor(random() * 20_000);
    const pause = best!.pause;
    if (pause && callAt >= pause[0] && callAt < pause[1]) callAt = pause[1] + Math.floor(random() * 20_000);
    return { counter: best!, callAt };
  };

  const writeDay = (day: string) => {
    const midnight = startOfLocalDay(day, zone);
    const close = midnight + 15 * HOUR;
    // Who sits where today: one counter in ten has a stand-in.
    for (const c of hall.counters) {
      c.clerkId = random() < 0.1 ? hall.clerks[COUNTERS + Math.floor(random() * 12)]! : hall.clerks[hall.counters.indexOf(c)]!;
      c.freeAt = midnight + 8 * HOUR + Math.floor(random() * 10 * MIN);
      insCounterEvent.run(H, c.id, 'open', null, c.clerkId, c.freeAt);
      c.pause = null;
      if (random() < 0.5) {
        const pause = midnight + 11.5 * HOUR + Math.floor(random() * HOUR);
        c.pause = [pause, pause + 20 * MIN];
        insCounterEvent.run(H, c.id, 'paused', 'استراحة', c.clerkId, pause);
        insCounterEvent.run(H, c.id, 'open', null, c.clerkId, pause + 20 * MIN);
      }
    }
    const arrivals: { at: number; service: Service }[] = [];
    const peak = 1.5;
    const perHour = opts.ticketsPerDay / SHAPE_AREA;
    for (let h = 8; ; ) {
      h += -Math.log(1 - random()) / (peak * perHour);
      if (h >= 14.5) break;
      if (random() * peak > rateAt(h)) continue;
      let r = random();
      const service = hall.services.find((s) => (r -= s.share) < 0) ?? hall.services[0]!;
      arrivals.push({ at: midnight + Math.floor(h * HOUR), service });
    }
    const sequences = new Map<number, number>();
    for (const a of arrivals) {
      const id = ++ticketId;
      const seq = (sequences.get(a.service.id) ?? 0) + 1;
      sequences.set(a.service.id, seq);
      ev(id, 'issue', null, 'waiting', a.at, a.service.id, null, null, { lang: 'ar' });
      const row = { status: 'waiting', calledAt: null as number | null, startedAt: null as number | null, endedAt: null as number | null, counterId: null as number | null, recalls: 0, serviceId: a.service.id };
      let serviceId = a.service.id;
      let waitingSince = a.at;
      const leaves = random() < 0.02;
      for (let leg = 0; ; leg++) {
        const { counter, callAt } = pick(serviceId, waitingSince);
        if (leaves && leg === 0 && callAt > a.at + 15 * MIN) {
          row.endedAt = a.at + 15 * MIN + Math.floor(random() * 20 * MIN);
          ev(id, 'cancel', 'waiting', 'cancelled', row.endedAt, serviceId, null, hall.supervisorId, { note: 'غادر المواطن' });
          row.status = 'cancelled';
          break;
        }
        if (callAt >= close) {
          row.endedAt = midnight + 24 * HOUR + 20_000;
          ev(id, 'cancel', 'waiting', 'cancelled', row.endedAt, serviceId, null, null, { reason: 'day_closed', day });
          row.status = 'cancelled';
          break;
        }
        const u = counter.clerkId;
        ev(id, 'call', 'waiting', 'called', callAt, serviceId, counter.id, u, { reason: { ar: 'الأقدم انتظاراً', en: 'Waited longest' }, policy: 'default' });
        Object.assign(row, { status: 'called', calledAt: callAt, counterId: counter.id, startedAt: null });
        if (random() < 0.04) {
          row.recalls++;
          ev(id, 'recall', 'called', 'called', callAt + 60_000, serviceId, counter.id, u);
          row.endedAt = callAt + 120_000 + Math.floor(random() * 60_000);
          ev(id, 'no_show', 'called', 'no_show', row.endedAt, serviceId, counter.id, u);
          row.status = 'no_show';
          counter.freeAt = row.endedAt;
          break;
        }
        const started = random() < 0.85 ? callAt + 5_000 + Math.floor(random() * 40_000) : null;
        if (started) ev(id, 'start', 'called', 'serving', started, serviceId, counter.id, u);
        row.startedAt = started;
        const serviceMs = Math.max(30_000, Math.round(lognormal(random, a.service.meanS, 0.6) * 1000));
        const from = started ?? callAt;
        if (leg === 0 && random() < 0.04) {
          const to = hall.services[Math.floor(random() * hall.services.length)]!;
          const at = from + Math.floor(serviceMs / 2);
          ev(id, 'transfer', started ? 'serving' : 'called', 'waiting', at, to.id, counter.id, u, { fromServiceId: serviceId, fromCounterId: counter.id, serviceId: to.id });
          counter.freeAt = at;
          serviceId = to.id;
          waitingSince = at + Math.floor(random() * 10 * MIN); // behind the other service's line
          continue;
        }
        row.endedAt = from + serviceMs;
        const note = random() < 0.05 ? NOTES[Math.floor(random() * NOTES.length)] : undefined;
        ev(id, 'complete', started ? 'serving' : 'called', 'done', row.endedAt, serviceId, counter.id, u, note ? { outcome: 'done', note } : null);
        row.status = 'done';
        counter.freeAt = row.endedAt;
        if (insRating && random() < 0.15) {
          const score = random() < 0.7 ? 3 : random() < 0.6 ? 2 : 1;
          insRating.run(id, H, serviceId, counter.id, score, random() < 0.2 ? COMMENTS[score - 1] : null, row.endedAt + 5 * MIN);
        }
        break;
      }
      const number = `${a.service.code}${String(seq).padStart(3, '0')}`;
      insTicket.run(id, H, serviceId, day, seq, number, row.status, a.at, row.calledAt, row.startedAt, row.endedAt, row.counterId,
        row.recalls, `b${id.toString(36)}`, hall.kioskId);
    }
    for (const c of hall.counters) insCounterEvent.run(H, c.id, 'closed', null, c.clerkId, Math.max(close, c.freeAt));
  };

  for (let day = opts.from; day <= opts.to; day = nextDay(day)) {
    const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
    if (weekday === 5 || weekday === 6) continue; // Friday, Saturday
    sqlite.transaction(() => writeDay(day))();
  }
  sqlite.prepare('UPDATE halls SET current_day = ? WHERE id = ?').run(businessDay(startOfLocalDay(nextDay(opts.to), zone), zone), H);
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.exec('ANALYZE');
  sqlite.close();
  return { tickets: ticketId, events };
}
