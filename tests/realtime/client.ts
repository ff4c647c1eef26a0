import { io, type Socket } from 'socket.io-client';
import { bearer, startHall, type TestHall } from '../helpers/hall.js';

// socket.io clients against a real listening hall. Every event a client hears is kept in its
// inbox from the first moment, so a test can await an event that has already arrived.

export interface Message {
  event: string;
  data: any;
}

export class Inbox {
  readonly all: Message[] = [];
  private unread: Message[] = [];
  private waiters: { match: (m: Message) => boolean; resolve: (m: Message) => void }[] = [];

  constructor(readonly socket: Socket) {
    socket.onAny((event: string, data: unknown) => this.push({ event, data }));
  }

  private push(m: Message) {
    this.all.push(m);
    const i = this.waiters.findIndex((w) => w.match(m));
    if (i >= 0) this.waiters.splice(i, 1)[0].resolve(m);
    else this.unread.push(m);
  }

  /** The next unread `event` (that `where` accepts), waiting up to `timeoutMs` for it. */
  next(event: string, where: (data: any) => boolean = () => true, timeoutMs = 3000): Promise<any> {
    const match = (m: Message) => m.event === event && where(m.data);
    const i = this.unread.findIndex(match);
    if (i >= 0) return Promise.resolve(this.unread.splice(i, 1)[0].data);
    return new Promise((resolve, reject) => {
      const waiter = {
        match,
        resolve: (m: Message) => {
          clearTimeout(timer);
          resolve(m.data);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        const heard = this.all.map((m) => m.event).join(', ') || 'nothing';
        reject(new Error(`no "${event}" within ${timeoutMs} ms (heard: ${heard})`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** Unread messages of `event`, consumed. */
  take(event: string): any[] {
    const out = this.unread.filter((m) => m.event === event);
    this.unread = this.unread.filter((m) => m.event !== event);
    return out.map((m) => m.data);
  }
}

export interface SocketOptions {
  reconnection?: boolean;
  /** Handshake headers (Node clients only). */
  extraHeaders?: Record<string, string>;
}

export interface Client {
  socket: Socket;
  inbox: Inbox;
}

/** A hall that listens on a loopback port, with helpers to connect and to act over HTTP. */
export class LiveHall {
  private clients: Socket[] = [];

  private constructor(
    readonly hall: TestHall,
    readonly url: string,
  ) {}

  static async start(now?: () => number): Promise<LiveHall> {
    const hall = await startHall({ now });
    return new LiveHall(hall, await hall.listen());
  }

  /** A socket that is not connected yet, its inbox already listening. */
  socket(namespace: string, auth: Record<string, unknown>, opts: SocketOptions = {}): Client {
    const socket = io(this.url + namespace, {
      auth,
      extraHeaders: opts.extraHeaders,
      transports: ['websocket'],
      forceNew: true,
      reconnection: opts.reconnection ?? false,
      reconnectionDelay: 50,
      autoConnect: false,
    });
    this.clients.push(socket);
    return { socket, inbox: new Inbox(socket) };
  }

  /** Connects, or fails with the server's connect_error message. */
  async connect(namespace: string, auth: Record<string, unknown>, opts: SocketOptions = {}): Promise<Client> {
    const client = this.socket(namespace, auth, opts);
    await connected(client.socket);
    return client;
  }

  /** The message of the connect_error a handshake fails with. */
  async refusal(namespace: string, auth: Record<string, unknown>): Promise<string> {
    const { socket } = this.socket(namespace, auth);
    return new Promise((resolve, reject) => {
      socket.once('connect', () => reject(new Error(`${namespace} accepted ${JSON.stringify(auth)}`)));
      socket.once('connect_error', (err) => resolve(err.message));
      socket.connect();
    });
  }

  post(url: string, token: string, payload?: object, headers: Record<string, string> = {}) {
    return this.hall.app.inject({ method: 'POST', url, headers: { ...bearer(token), ...headers }, ...(payload ? { payload } : {}) });
  }

  /** A staff or device action that must succeed; answers its JSON (or null for 204). */
  async act(url: string, token: string, payload?: object): Promise<any> {
    const res = await this.post(url, token, payload);
    if (res.statusCode >= 300) throw new Error(`POST ${url} failed: ${res.statusCode} ${res.body}`);
    return res.statusCode === 204 ? null : res.json();
  }

  private keys = 0;
  /** A ticket from the demo kiosk. */
  async issue(serviceId: number): Promise<any> {
    const res = await this.post('/api/tickets', this.hall.tokens.kiosk, { serviceId }, { 'idempotency-key': `rt-${++this.keys}` });
    if (res.statusCode !== 201) throw new Error(`issue failed: ${res.statusCode} ${res.body}`);
    return res.json();
  }

  /** Disconnects every client, then closes the hall (a second close is harmless). */
  async close(): Promise<void> {
    for (const socket of this.clients) socket.disconnect();
    await this.hall.close();
  }
}

export function connected(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    const ok = () => {
      socket.off('connect_error', fail);
      resolve();
    };
    const fail = (err: Error) => {
      socket.off('connect', ok);
      reject(err);
    };
    socket.once('connect', ok);
    socket.once('connect_error', fail);
    socket.connect();
  });
}
