import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connected, LiveHall } from './client.js';

// Every namespace refuses a missing or wrong token with connect_error `unauthorized`, and each
// takes only its own kind of principal.

let live: LiveHall;

beforeEach(async () => {
  live = await LiveHall.start();
});
afterEach(() => live.close());

describe('socket handshakes', () => {
  it.each(['/display', '/staff', '/printer'])('%s refuses a missing, malformed or unknown token', async (nsp) => {
    expect(await live.refusal(nsp, {})).toBe('unauthorized');
    expect(await live.refusal(nsp, { token: 42 })).toBe('unauthorized');
    expect(await live.refusal(nsp, { token: 'dev_not-a-real-token' })).toBe('unauthorized');
    expect(await live.refusal(nsp, { token: 'stf_not-a-real-token' })).toBe('unauthorized');
  });

  it('the main namespace serves nobody', async () => {
    expect(await live.refusal('/', { token: live.hall.tokens.display })).toBe('unauthorized');
  });

  it('/track refuses a missing or unknown tracking code', async () => {
    expect(await live.refusal('/track', {})).toBe('unauthorized');
    expect(await live.refusal('/track', { trackingCode: 'nope' })).toBe('unauthorized');
    expect(await live.refusal('/track', { token: live.hall.tokens.display })).toBe('unauthorized');
  });

  it('/staff refuses device tokens and takes a staff session', async () => {
    const { kiosk, display, printer } = live.hall.tokens;
    for (const token of [kiosk, display, printer]) expect(await live.refusal('/staff', { token })).toBe('unauthorized');
    const { inbox } = await live.connect('/staff', { token: await live.hall.login('clerk') });
    await inbox.next('snapshot');
  });

  it('/display takes only display devices', async () => {
    const { kiosk, printer } = live.hall.tokens;
    expect(await live.refusal('/display', { token: await live.hall.login('admin') })).toBe('unauthorized');
    expect(await live.refusal('/display', { token: kiosk })).toBe('unauthorized');
    expect(await live.refusal('/display', { token: printer })).toBe('unauthorized');
    expect(await live.refusal('/display', { token: live.hall.tokens.display, counterId: 999 })).toBe('unauthorized');
  });

  it('/printer takes only printer devices', async () => {
    const { kiosk, display } = live.hall.tokens;
    expect(await live.refusal('/printer', { token: await live.hall.login('admin') })).toBe('unauthorized');
    expect(await live.refusal('/printer', { token: kiosk })).toBe('unauthorized');
    expect(await live.refusal('/printer', { token: display })).toBe('unauthorized');
    await live.connect('/printer', { token: live.hall.tokens.printer });
  });

  it('drops a display whose token is revoked, and refuses it afterwards', async () => {
    const admin = await live.hall.login('admin');
    const created = await live.post('/api/admin/devices', admin, { kind: 'display', name: 'spare' });
    const { id, token } = created.json();
    const { socket } = await live.connect('/display', { token }, { reconnection: true });
    const refused = new Promise<string>((resolve) => socket.once('connect_error', (err) => resolve(err.message)));
    expect((await live.post(`/api/admin/devices/${id}/revoke`, admin)).statusCode).toBe(200);
    expect(await refused).toBe('unauthorized');
    expect(socket.connected).toBe(false);
    expect(await live.refusal('/display', { token })).toBe('unauthorized');
  });

  it("drops a logged-out session; the same user's other session comes back", async () => {
    const leaving = await live.hall.login('clerk');
    const staying = await live.hall.login('clerk');
    const a = await live.connect('/staff', { token: leaving }, { reconnection: true });
    const b = await live.connect('/staff', { token: staying }, { reconnection: true });
    await a.inbox.next('snapshot');
    await b.inbox.next('snapshot');

    const refused = new Promise<string>((resolve) => a.socket.once('connect_error', (err) => resolve(err.message)));
    expect((await live.post('/api/auth/logout', leaving)).statusCode).toBeLessThan(300);
    expect(await refused).toBe('unauthorized');
    expect(a.socket.connected).toBe(false);
    await b.inbox.next('snapshot'); // reconnected
    expect(b.socket.connected).toBe(true);
  });

  it("takes the staff session cookie from the server's own pages only", async () => {
    const login = await live.hall.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'clerk', password: live.hall.adminPassword },
    });
    const cookie = String(login.headers['set-cookie']).split(';')[0];
    const host = new URL(live.url).host;
    const same = live.socket('/staff', {}, { extraHeaders: { cookie, origin: `http://${host}` } });
    await connected(same.socket);
    await same.inbox.next('snapshot');
    const { socket } = live.socket('/staff', {}, { extraHeaders: { cookie, origin: 'https://evil.example' } });
    await expect(connected(socket)).rejects.toThrow('unauthorized');
  });
});

describe('shutdown', () => {
  it('closes the app while sockets are connected', async () => {
    const display = await live.connect('/display', { token: live.hall.tokens.display }, { reconnection: true });
    const staff = await live.connect('/staff', { token: await live.hall.login('clerk') });
    const gone = [display, staff].map((c) => new Promise((resolve) => c.socket.once('disconnect', resolve)));
    const started = Date.now();
    await live.hall.app.close();
    await Promise.all(gone);
    expect(Date.now() - started).toBeLessThan(5000); // a bound against hanging, not a speed figure
  });
});
