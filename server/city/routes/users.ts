import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { asc } from 'drizzle-orm';
import { z } from 'zod';
import { users } from '../../../db/city/schema.js';
import { MIN_PASSWORD_LENGTH, passwordProblem } from '../../auth/passwords.js';
import { notFound } from '../../hall/errors.js';
import { tokenOf } from '../../plugins/auth.js';
import { FieldError } from '../../plugins/errors.js';
import { IdParams, Role, User } from '../../protocol/schemas.js';
import { hashPassword, hashToken } from '../../security.js';
import type { StaffUserRow } from '../../staff/store.js';

// The city's staff accounts (city admin), with the hall's rules: a password that is not common
// nor the username, a unique username, always one active admin left. Stand-in until the shared
// staff use cases (server/staff/) land; the store under it (../staff-store.ts) stays.

const Password = z.string().min(MIN_PASSWORD_LENGTH).max(200);
const Text = z.string().trim().min(1).max(100);
const CreateUser = z.object({
  username: z.string().trim().min(3).max(50).regex(/^[a-z0-9._-]+$/, 'may hold only a-z, 0-9, dot, underscore and hyphen'),
  password: Password,
  role: Role,
  displayName: Text.nullish(),
});
const PatchUser = z.object({ role: Role.optional(), displayName: Text.nullish(), active: z.boolean().optional(), password: Password.optional() });

const view = (u: StaffUserRow): User => ({ id: u.id, username: u.username, role: u.role, displayName: u.displayName, active: u.active });

function checkPassword(password: string, username: string) {
  const problem = passwordProblem(password, username);
  if (problem) throw new FieldError('invalid_request', [{ path: 'password', code: problem.code, message: problem.message }]);
}

export default async function cityUserRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const store = app.city.staff;
  app.addHook('preHandler', app.allow({ role: 'admin' }));
  const by = (request: { caller: unknown }) => ({ userId: (request.caller as { userId: number }).userId, at: app.now() });

  app.post('/users', { schema: { body: CreateUser, response: { 201: User } } }, async (request, reply) => {
    const { username, password, role, displayName } = request.body;
    checkPassword(password, username);
    const row = await store.insertUser(
      { username, passwordHash: await hashPassword(password), role, displayName: displayName ?? null },
      { ...by(request), action: 'create', details: { label: username, role, displayName } },
    );
    if (!row) throw new FieldError('conflict', [{ path: 'username', code: 'duplicate', message: `username ${username} is already taken` }]);
    return reply.status(201).send(view(row));
  });

  app.get('/users', { schema: { response: { 200: z.array(User) } } }, async () => (await app.city.db.select().from(users).orderBy(asc(users.username))).map(view));

  app.patch('/users/:id', { schema: { params: IdParams, body: PatchUser, response: { 200: User } } }, async (request) => {
    const { id } = request.params;
    const { role, displayName, active, password } = request.body;
    const found = await store.userById(id);
    if (!found) throw notFound('user', id);
    if (password !== undefined) checkPassword(password, found.username);
    const losesAdmin = found.role === 'admin' && found.active && ((role !== undefined && role !== 'admin') || active === false);
    if (losesAdmin && (await store.otherActiveAdmins(id)) === 0) {
      throw new FieldError('conflict', [{ path: role !== undefined && role !== 'admin' ? 'role' : 'active', code: 'last_admin', message: 'the city must keep at least one active admin' }]);
    }
    const patch = {
      ...(role !== undefined && { role }),
      ...(displayName !== undefined && { displayName }),
      ...(active !== undefined && { active }),
      ...(password !== undefined && { passwordHash: await hashPassword(password) }),
    };
    const details = { label: found.username, role, displayName, active, passwordReset: password !== undefined || undefined };
    const row = await store.updateUser(id, patch, { ...by(request), action: 'update', entityId: id, details });
    if (password !== undefined || active === false) {
      const current = tokenOf(request);
      await store.closeSessionsOf(id, current ? hashToken(current.token) : null);
    }
    return view(row!);
  });
}
