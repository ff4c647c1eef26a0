import type { FastifyRequest } from 'fastify';
import type { ChangeBy } from '../../hall/admin/record.js';
import { hallIdOf } from '../../plugins/auth.js';

export { invalidField } from '../../hall/admin/fields.js';
export { recordAdminChange } from '../../hall/admin/record.js';

/** hallId, userId and time of an admin's request, for the admin use cases and recordAdminChange. */
export function changeBy(request: FastifyRequest): ChangeBy {
  const p = request.principal;
  return { hallId: hallIdOf(request), userId: p?.kind === 'user' ? p.userId : null, at: request.server.now() };
}
