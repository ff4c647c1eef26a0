import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { inTransaction } from '../../../db/connection.js';
import { halls, type HallSettings, type OpeningHours } from '../../../db/schema.js';
import { getHall, type HallRow } from '../../hall/state.js';
import { hallIdOf } from '../../plugins/auth.js';
import { HALL_SETTING_DEFAULTS, HallAdmin, HallPatch, hallSettingsView } from '../../protocol/admin.js';
import { displaySettings } from '../../realtime/display-info.js';
import { changeBy, invalidField, recordAdminChange } from './record.js';
import { nameColumns, namesOf } from '../../hall/names.js';

/** The hall as the admin edits it: every setting, defaults filled in. */
export function hallAdminView(hall: HallRow): HallAdmin {
  return {
    name: namesOf(hall),
    timeZone: hall.timeZone,
    openingHours: hall.openingHours,
    settings: hallSettingsView(hall.settings, displaySettings(hall.settings)),
  };
}

/**
 * The stored settings with a PATCH's settings laid over them (display merged field by field).
 * `webhookProblem`: why a webhook address is refused (the notify plugin's rule).
 */
function mergeSettings(current: HallSettings, patch: HallPatch['settings'], webhookProblem: (url: string) => string | null): HallSettings {
  if (!patch) return current;
  const { display, publicUrl, remoteJoin, notify, retentionDays, appointments, ...rest } = patch;
  const next: HallSettings = { ...current, ...rest };
  if (display) next.display = { ...current.display, ...display };
  if (appointments) next.appointments = { ...current.appointments, ...appointments };
  if (publicUrl === null) delete next.publicUrl;
  else if (publicUrl !== undefined) next.publicUrl = publicUrl;
  if (remoteJoin) next.remoteJoin = { ...HALL_SETTING_DEFAULTS.remoteJoin, ...current.remoteJoin, ...remoteJoin };
  if (notify) {
    const { webhookUrl, ...own } = notify;
    const merged = { ...HALL_SETTING_DEFAULTS.notify, ...current.notify, ...own };
    next.notify = { ...merged, webhookUrl: (webhookUrl === undefined ? current.notify?.webhookUrl : webhookUrl) ?? '' };
    if (next.notify.enabled && !next.notify.webhookUrl) {
      throw invalidField('settings.notify.webhookUrl', 'required', 'is required while notifications are on');
    }
    const local = webhookUrl ? webhookProblem(webhookUrl) : null;
    if (local) throw invalidField('settings.notify.webhookUrl', 'local_address', local);
  }
  // null is kept as null, as PUT /api/reports/retention stores it.
  if (retentionDays !== undefined) next.retentionDays = retentionDays;
  return next;
}

/**
 * Tells the hall's displays at once: each gets a fresh `snapshot`, as if it had asked (`resync`).
 * Kiosks reread the hall with their menu every few seconds.
 */
export function refreshDisplays(app: FastifyInstance, hallId: number): void {
  for (const socket of app.realtime.io.of('/display').sockets.values()) {
    if ((socket.data as { hallId?: number }).hallId !== hallId) continue;
    for (const listener of socket.listeners('resync')) (listener as () => void)();
  }
}

export default async function hallRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { conn } = app;

  app.get('/hall', { schema: { response: { 200: HallAdmin } } }, async (request) => hallAdminView(getHall(conn, hallIdOf(request))));

  app.patch('/hall', { schema: { body: HallPatch, response: { 200: HallAdmin } } }, async (request) => {
    const by = changeBy(request);
    const { name, timeZone, openingHours, settings } = request.body;
    const hall = inTransaction(conn, () => {
      const current = getHall(conn, by.hallId);
      const row = conn.db
        .update(halls)
        .set({
          ...(name && nameColumns(name)),
          timeZone,
          openingHours: openingHours as OpeningHours | undefined,
          settings: mergeSettings(current.settings, settings, app.notify.webhookProblem),
        })
        .where(eq(halls.id, current.id))
        .returning()
        .get();
      recordAdminChange(conn, { ...by, action: 'update', entity: 'hall', entityId: current.id, details: { ...request.body } });
      return row;
    });
    refreshDisplays(app, by.hallId);
    return hallAdminView(hall);
  });
}
