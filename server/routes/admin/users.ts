import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inTransaction } from '../../../db/connection.js';
import { sessions, users } from '../../../db/schema.js';
import { notFound } from '../../hall/errors.js';
import { FieldError } from '../../plugins/errors.js';
import { hallIdOf, tokenOf } from '../../plugins/auth.js';
import { IdParams, Role, User } from '../../protocol/schemas.js';
import { hashPassword, hashToken } from '../../security.js';
import { MIN_PASSWORD_LENGTH, passwordProblem } from '../../auth/passwords.js';
import { changeBy, duplicate, invalidField, recordAdminChange } from './record.js';
import { changes, text, userView } from './views.js';

const Password = z.string().min(MIN_PASSWORD_LENGTH).max(200);

/** 400 naming the password's problem: a common one, one character repeated, the username. */
function checkPassword(password: string, username: string) {
  const problem = passwordProblem(password, username);
  if (problem) throw invalidField('password', problem.code, problem.message);
}

const CreateUser = z.object({
  username: z
    .string()
    .trim()
    .min(3)
    .max(50)
    .regex(/^[a-z0-9._-]+$/, 'may hold only a-z, 0-9, dot, underscore and hyphen'),
  password: Password,
  role: Role,
  displayName: text(100).nullish(),
});

const PatchUser = z.object({
  role: Role.optional(),
  displayName: text(100).nullish(),
  active: z.boolean().optional(),
  /** A password reset: the user's other sessions end. */
  password: Password.optional(),
});

export default async function userRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { conn } = app;

  app.post('/users', { schema: { body: CreateUser, response: { 201: User } } }, async (request, reply) => {
    const { username, password, role, displayName } = request.body;
    const conflict = duplicate('username', `username ${username} is already taken`);
    if (conn.db.select({ id: users.id }).from(users).where(eq(users.username, username)).get()) throw conflict;
    checkPassword(password, username);
    const passwordHash = await hashPassword(password);
    const by = changeBy(request);
    try {
      const row = inTransaction(conn, () => {
        const created = conn.db
          .insert(users)
          .values({ hallId: by.hallId, username, passwordHash, role, displayName: displayName ?? null })
          .returning()
          .get();
        recordAdminChange(conn, { ...by, action: 'create', entity: 'user', entityId: created.id, details: { label: username, role, displayName } });
        return created;
      });
      return reply.status(201).send(userView(row));
    } catch (err) {
      // Taken meanwhile, while the password was hashing.
      if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw conflict;
      throw err;
    }
  });

  app.get('/users', { schema: { response: { 200: z.array(User) } } }, async (request) =>
    conn.db
      .select()
      .from(users)
      .where(eq(users.hallId, hallIdOf(request)))
      .orderBy(asc(users.username))
      .all()
      .map(userView),
  );

  app.patch('/users/:id', { schema: { params: IdParams, body: PatchUser, response: { 200: User } } }, async (request) => {
    const by = changeBy(request);
    const { hallId } = by;
    const { role, displayName, active, password } = request.body;
    const find = () => {
      const found = conn.db
        .select()
        .from(users)
        .where(and(eq(users.id, request.params.id), eq(users.hallId, hallId)))
        .get();
      if (!found) throw notFound('user', request.params.id);
      return found;
    };
    if (password !== undefined) checkPassword(password, find().username);
    const passwordHash = password === undefined ? undefined : await hashPassword(password);
    const current = tokenOf(request);
    const user = inTransaction(conn, () => {
      const found = find();
      const set = changes({ role, displayName, active, passwordHash });
      if (!set) return found;
      const row = conn.db.update(users).set(set).where(eq(users.id, found.id)).returning().get();
      const admins = conn.db
        .select({ n: sql<number>`count(*)` })
        .from(users)
        .where(and(eq(users.hallId, hallId), eq(users.role, 'admin'), eq(users.active, true)))
        .get()!.n;
      // Thrown inside the transaction, so the update is rolled back.
      if (admins === 0) {
        const path = role !== undefined && role !== 'admin' ? 'role' : 'active';
        throw new FieldError('conflict', [{ path, code: 'last_admin', message: 'the hall must keep at least one active admin' }]);
      }
      if (passwordHash || active === false) {
        // Keep the session making this call, so an admin resetting their own password stays in.
        const keep = current ? ne(sessions.tokenHash, hashToken(current.token)) : undefined;
        conn.db.delete(sessions).where(and(eq(sessions.userId, row.id), keep)).run();
      }
      const details = { label: found.username, role, displayName, active, passwordReset: password !== undefined || undefined };
      recordAdminChange(conn, { ...by, action: 'update', entity: 'user', entityId: found.id, details });
      return row;
    });
    // Its sockets reconnect at once if their session still stands; ended ones stay out.
    if (password !== undefined || active === false) app.realtime.disconnect({ userId: user.id });
    return userView(user);
  });
}
