import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appointmentSlots, bookAppointment, cancelAppointment, dayAppointments, findAppointment, holdSlot } from '../hall/appointments.js';
import { checkIn } from '../hall/appointments-check-in.js';
import type { Effect } from '../hall/effects.js';
import { HallError } from '../hall/errors.js';
import { latinDigits } from '../hall/notify.js';
import { ticketView } from '../hall/views.js';
import { hallIdOf } from '../plugins/auth.js';
import { HttpError } from '../plugins/errors.js';
import { FieldIssue } from '../protocol/admin.js';
import { ErrorBody, Id, IdempotencyHeaders, Lang, Ticket } from '../protocol/schemas.js';
import { who } from './request.js';

// Appointments (API.md): anyone books, looks up and cancels with the code (limited per address;
// staff are not limited), kiosks and staff check in (a kiosk's wrong codes limited per kiosk),
// staff list the day.

const Day = z.iso.date();
/** An instant with its offset, as the slots list writes it: `2026-11-30T10:40:00.000+03:00`. */
const Instant = z.iso.datetime({ offset: true }).transform((s) => Date.parse(s));
/** 8 digits; Arabic-Indic or Eastern Arabic digits read as Latin (the kiosk may show them). */
const Code = z
  .string()
  .max(40)
  .transform((s) => latinDigits(s.trim()))
  .pipe(z.string().regex(/^\d{8}$/, 'must be 8 digits'));
const CodeParams = z.object({ code: Code });

const Appointment = z.object({ code: z.string(), serviceId: z.number(), start: z.string(), status: z.enum(['booked', 'checked_in', 'cancelled', 'no_show', 'done']) });
const DayAppointment = Appointment.extend({ ticketNumber: z.string().optional() });
const Slots = z.object({ slots: z.array(z.object({ start: z.string(), free: z.number() })) });
const SlotBody = z.object({ serviceId: Id, start: Instant });
const BookBody = SlotBody.extend({ phone: z.string().min(1).max(40).optional(), lang: Lang.default('ar'), holdId: z.string().min(1).max(40).optional() });
const Hold = z.object({ holdId: z.string(), expiresAt: z.string() });

/** A refusal, with the fields it is about when there are (`phone` already booked that day). */
const Refusal = z.object({ error: z.object({ code: z.string(), message: z.string(), fields: z.array(FieldIssue).optional() }) });

const isStaff = (request: FastifyRequest) => request.principal?.kind === 'user';
/** Per address, for the anonymous: staff booking for citizens all day are not limited. */
/** A booking made or cancelled changes the estimates of those waiting (they count today's bookings). */
const BOOKINGS_CHANGED: Effect[] = [{ kind: 'waiting' }];

const limit = (max: number, timeWindow: string) => ({ rateLimit: { max, timeWindow, allowList: isStaff } });

/** Wrong codes a kiosk may type in a minute before it must wait. */
const WRONG_CODES_PER_MINUTE = 10;

export default async function appointmentRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { conn } = app;

  // Per kiosk, and only wrong codes: a queue of citizens checking in is never held up.
  const wrongCodes = app.createRateLimit({
    max: WRONG_CODES_PER_MINUTE,
    timeWindow: 60_000,
    keyGenerator: (request) => `wrong-codes:${request.principal?.kind === 'device' ? request.principal.deviceId : request.ip}`,
    allowList: isStaff,
  });
  /** The refusal to answer: a wrong code is counted, and past the limit it is a 429. */
  async function refusal(request: FastifyRequest, reply: FastifyReply, err: unknown): Promise<unknown> {
    if (!(err instanceof HallError && err.code === 'not_found')) return err;
    const counted = await wrongCodes(request);
    if (counted.isAllowed || !counted.isExceeded) return err;
    reply.header('retry-after', String(counted.ttlInSeconds));
    return new HttpError(429, 'rate_limited', `too many wrong appointment codes at this kiosk: try again in ${counted.ttlInSeconds} s`);
  }

  app.get(
    '/slots',
    { config: limit(60, '1 minute'), schema: { querystring: z.object({ serviceId: z.coerce.number().pipe(Id), date: Day }), response: { 200: Slots, 404: ErrorBody } } },
    async (request) => appointmentSlots(conn, hallIdOf(request), request.query.serviceId, request.query.date, app.now()),
  );

  app.post(
    '/hold',
    { config: limit(10, '10 minutes'), schema: { body: SlotBody, response: { 201: Hold, 404: ErrorBody, 409: Refusal } } },
    async (request, reply) => reply.status(201).send(holdSlot(conn, app.now(), { hallId: hallIdOf(request), ...request.body })),
  );

  app.post(
    '/',
    { config: limit(5, '10 minutes'), schema: { body: BookBody, response: { 201: Appointment, 404: ErrorBody, 409: Refusal } } },
    async (request, reply) => {
      const { hallId, actor } = request.principal ? who(request) : { hallId: app.hallId, actor: {} };
      const booked = bookAppointment(conn, app.now(), { hallId, ...request.body }, actor);
      app.realtime.publish(hallId, BOOKINGS_CHANGED);
      return reply.status(201).send(booked);
    },
  );

  app.get(
    '/',
    {
      onRequest: app.authorize({ role: 'clerk' }),
      schema: { querystring: z.object({ date: Day, serviceId: z.coerce.number().pipe(Id).optional() }), response: { 200: z.array(DayAppointment) } },
    },
    async (request) => dayAppointments(conn, hallIdOf(request), request.query.date, request.query.serviceId),
  );

  // Wrong codes answer 404, and an address may try only so many.
  app.get(
    '/:code',
    { config: limit(20, '1 minute'), schema: { params: CodeParams, response: { 200: Appointment, 404: ErrorBody } } },
    async (request) => findAppointment(conn, hallIdOf(request), request.params.code),
  );

  app.delete(
    '/:code',
    { config: limit(20, '1 minute'), schema: { params: CodeParams, response: { 200: Appointment, 404: ErrorBody, 409: ErrorBody } } },
    async (request) => {
      const hallId = hallIdOf(request);
      const cancelled = cancelAppointment(conn, app.now(), hallId, request.params.code);
      app.realtime.publish(hallId, BOOKINGS_CHANGED);
      return cancelled;
    },
  );

  app.post(
    '/:code/check-in',
    {
      onRequest: app.authorize({ role: 'clerk', devices: ['kiosk'] }),
      schema: { params: CodeParams, headers: IdempotencyHeaders, response: { 200: Ticket, 201: Ticket, 404: ErrorBody, 409: ErrorBody, 429: ErrorBody } },
    },
    async (request, reply) => {
      const { hallId, actor } = who(request);
      const now = app.now();
      let outcome: ReturnType<typeof checkIn>;
      try {
        outcome = checkIn(conn, now, { hallId, code: request.params.code, idempotencyKey: request.headers['idempotency-key'] }, actor);
      } catch (err) {
        throw await refusal(request, reply, err);
      }
      const { value, effects } = outcome;
      app.realtime.publish(hallId, effects);
      const ticket = ticketView(conn, value.ticket, now, value.forecast);
      if (value.printJob) app.printing.printTicket(hallId, ticket, value.printJob);
      return reply.status(value.created ? 201 : 200).send(ticket);
    },
  );
}
