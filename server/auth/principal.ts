import type { Connection } from '../../db/connection.js';
import { statements } from '../hall/prepared.js';
import type { Actor } from '../hall/effects.js';
import type { Role } from '../protocol/schemas.js';
import { hashToken } from '../security.js';

// Who is calling: a staff user (by session token or cookie) or a device (by its token).

export type DeviceKind = 'kiosk' | 'display' | 'printer';

export type Principal =
  | { kind: 'user'; userId: number; hallId: number; role: Role; username: string; via: 'bearer' | 'cookie' }
  | { kind: 'device'; deviceId: number; hallId: number; deviceKind: DeviceKind; zone: string | null };

/** Who may call a route: staff of at least `role`, and/or devices of these kinds. */
export interface AccessRule {
  role?: Role;
  devices?: DeviceKind[];
}

const RANK: Record<Role, number> = { clerk: 1, supervisor: 2, admin: 3 };

/** admin ⊃ supervisor ⊃ clerk. */
export function hasRole(role: Role, needed: Role): boolean {
  return RANK[role] >= RANK[needed];
}

export function actorOf(p: Principal | null): Actor {
  if (!p) return {};
  return p.kind === 'user' ? { userId: p.userId, role: p.role } : { deviceId: p.deviceId };
}

export function allows(rule: AccessRule, p: Principal | null): boolean {
  if (!p) return false;
  if (p.kind === 'user') return rule.role !== undefined && hasRole(p.role, rule.role);
  return rule.devices?.includes(p.deviceKind) ?? false;
}

/** Resolves a bearer token (staff session `stf_…` or device `dev_…`) to its principal. */
export function authenticateToken(
  conn: Connection,
  token: string,
  now: number,
  via: 'bearer' | 'cookie' = 'bearer',
): Principal | null {
  const tokenHash = hashToken(token);
  const { auth } = statements(conn);
  if (token.startsWith('dev_') && via === 'bearer') {
    const device = auth.device.get({ tokenHash });
    if (!device) return null;
    return { kind: 'device', deviceId: device.id, hallId: device.hallId, deviceKind: device.kind, zone: device.zone };
  }
  if (token.startsWith('stf_')) {
    const row = auth.session.get({ tokenHash, now });
    if (!row) return null;
    const { user } = row;
    return { kind: 'user', userId: user.id, hallId: user.hallId ?? 1, role: user.role, username: user.username, via };
  }
  return null;
}
