import type { Connection } from '../../../db/connection.js';
import { adminEvents } from '../../../db/schema.js';

// The audit trail of admin changes (admin_events).

export type AdminAction = 'create' | 'update' | 'revoke' | 'upload' | 'delete' | 'test_print';
export type AdminEntity = 'hall' | 'service' | 'counter' | 'user' | 'device' | 'printer' | 'media' | 'closure';

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

/** Who makes an admin change, and when. */
export type ChangeBy = Pick<AdminChange, 'hallId' | 'userId' | 'at'>;

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
