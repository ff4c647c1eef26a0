import type { Lang } from '../../ui-kit/i18n.js';

// The staff app is one shell (login, language, navigation by role) around areas: the clerk's
// workstation, the supervisor's board, the admin's settings, reports. Each area is a component
// taking these props; the shell decides which areas a role sees.

export type Role = 'admin' | 'supervisor' | 'clerk';

export interface Session {
  /** Bearer token of the staff session (the HttpOnly cookie is set too). */
  token: string;
  user: { id: number; username: string; role: Role; displayName: string | null };
}

export interface AreaProps {
  session: Session;
  lang: Lang;
}

const RANK: Record<Role, number> = { clerk: 1, supervisor: 2, admin: 3 };
export const hasRole = (session: Session, needed: Role) => RANK[session.user.role] >= RANK[needed];
