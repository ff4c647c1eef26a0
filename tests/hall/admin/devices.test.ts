import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authenticateToken } from '../../../server/auth/principal.js';
import { createDevice, listDevices, patchDevice, revokeDevice } from '../../../server/hall/admin/devices.js';
import { auditRows, openHallDatabase, type HallDatabase } from '../../helpers/hall-db.js';

// The hall's devices, the use cases called directly over a hall's real SQLite file (demo seed:
// kiosk 1, display 2, printer agent 3).

let h: HallDatabase;
const at = Date.parse('2026-03-01T07:00:00Z');
const by = () => ({ hallId: h.hallId, userId: 1, at });

beforeEach(async () => {
  h = await openHallDatabase('demo');
});
afterEach(() => h.close());

describe('hall devices', () => {
  it('creates a device whose token works, kept only as a digest and never audited', () => {
    const { device, token } = createDevice(h.conn, { kind: 'display', name: 'شاشة الطابق الأول', zone: 'B' }, by());
    expect(token).toMatch(/^dev_[\w-]{40,}$/);
    expect(authenticateToken(h.conn, token, at)).toMatchObject({ kind: 'device', deviceId: device.id, deviceKind: 'display', zone: 'B' });
    expect(JSON.stringify(h.conn.sqlite.prepare('SELECT * FROM devices').all())).not.toContain(token);
    expect(auditRows(h.conn, 'device')).toEqual([
      { userId: 1, at, action: 'create', entityId: String(device.id), details: { label: 'شاشة الطابق الأول', kind: 'display', zone: 'B' } },
    ]);
    expect(listDevices(h.conn, h.hallId).map((d) => d.id)).toEqual([1, 2, 3, device.id]);
  });

  it('revokes a device once: its token stops working and its connections must go', () => {
    const { device, token } = createDevice(h.conn, { kind: 'kiosk', name: 'كشك ٢' }, by());
    expect(revokeDevice(h.conn, device.id, by())).toMatchObject({ device: { id: device.id, revokedAt: at }, disconnect: true });
    expect(authenticateToken(h.conn, token, at)).toBeNull();
    expect(revokeDevice(h.conn, device.id, { ...by(), at: at + 1000 })).toMatchObject({ device: { revokedAt: at }, disconnect: false });
    expect(auditRows(h.conn, 'device').map((r) => r.action)).toEqual(['create', 'revoke']);
  });

  it('renames a device in place, and moves it to a zone it must reconnect to hear', () => {
    expect(patchDevice(h.conn, 2, { name: 'الشاشة الكبيرة' }, by())).toMatchObject({ device: { name: 'الشاشة الكبيرة', zone: null }, disconnect: false });
    expect(patchDevice(h.conn, 2, { zone: 'A' }, by())).toMatchObject({ device: { zone: 'A' }, disconnect: true });
    expect(patchDevice(h.conn, 2, { zone: 'A' }, by())).toMatchObject({ disconnect: false });
    expect(patchDevice(h.conn, 2, {}, by())).toMatchObject({ device: { zone: 'A' }, disconnect: false });
    expect(auditRows(h.conn, 'device').map((r) => r.details)).toEqual([
      { label: 'شاشة صالة الانتظار', name: 'الشاشة الكبيرة' },
      { label: 'الشاشة الكبيرة', zone: 'A' },
      { label: 'الشاشة الكبيرة', zone: 'A' },
    ]);
  });

  it('answers 404 for a device of no hall or of another', () => {
    expect(() => revokeDevice(h.conn, 99, by())).toThrow(expect.objectContaining({ code: 'not_found', message: 'device 99 not found' }));
    expect(() => patchDevice(h.conn, 1, { name: 'x' }, { ...by(), hallId: h.hallId + 1 })).toThrow(expect.objectContaining({ code: 'not_found' }));
  });
});
