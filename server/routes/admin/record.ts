import type { FastifyRequest } from 'fastify';
import type { Connection } from '../../../db/connection.js';
import { adminEvents } from '../../../db/schema.js';
import { FieldError } from '../../plugins/errors.js';
import { hallIdOf } from '../../plugins/auth.js';

// The audit trail of admin changes (admin_events) and the field errors admin forms show.

export type AdminAction = 'create' | 'update' | 'revoke' | 'upload' | 'delete' | 'test_print';
export type AdminEntity = 'hall' | 'service' | 'counter' | 'user' | 'device' | 'printer' | 'media';

export interface AdminChange {
  hallId: number;
  userId: number | null;
  at: number;
  action: AdminAction;
  entity: AdminEntity;
  entityId: number | string | null;
  /** What changed, and a label to read it by; never a password or a token. */
  details?: Record<string, unknown>;
}

const SECRET = /^(password|passwordHash|token|tokenHash)$/;

/** Writes one admin_events row; call it inside the change's own transaction. */
export function recordAdminChange({ db }: Connection, change: AdminChange): void {
  const details = change.details
    ? Object.fromEntries(Object.entries(change.details).filter(([k, v]) => v !== undefined && !SECRET.test(k)))
    : null;
  db.insert(adminEvents)
    .values({
      hallId: change.hallId,
      userId: change.userId,
      at: change.at,
      action: change.action,
      entity: change.entity,
      entityId: change.entityId == null ? null : String(change.entityId),
      details,
    })
    .run();
}

/** hallId, userId and time of an admin's request, for recordAdminChange. */
export function changeBy(request: FastifyRequest): Pick<AdminChange, 'hallId' | 'userId' | 'at'> {
  const p = request.principal;
  return { hallId: hallIdOf(request), userId: p?.kind === 'user' ? p.userId : null, at: request.server.now() };
}

/** 409 with `fields`: the value of this field is taken already. */
export const duplicate = (path: string, message: string) =>
  new FieldError('conflict', [{ path, code: 'duplicate', message }]);

/** 400 with `fields`, for checks that zod cannot make (they need the database). */
export const invalidField = (path: string, code: string, message: string) =>
  new FieldError('invalid_request', [{ path, code, message }]);
