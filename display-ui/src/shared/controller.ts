import type { Call, DisplayCounter, DisplayHeartbeat, DisplaySnapshot, WaitingCounts } from '../../../server/protocol/schemas.js';
import { deviceSocket, type DeviceSocket, type LinkState } from '../../../ui-kit/device-socket.js';
import { deviceToken } from '../../../ui-kit/pairing.js';
import { Announcer } from '../audio/announcer.js';
import { ClipPlayer, SpeechPlayer, speechAvailable, type AnnouncementPlayer } from '../audio/player.js';
import { clipsToPreload, spokenLanguages, type AnnounceOptions } from '../voice/sequence.js';
import { emptyBook, takeCall, takeSnapshot, type CallBook } from './calls.js';

// One display's life: its socket, what it knows (snapshot, calls, counter), the announcement
// queue, and the resilience around them: resync, heartbeat, reload on a new server version.
// The pages render `state` and never talk to the socket themselves.

export interface DisplayState {
  link: LinkState | 'unpaired';
  snapshot: DisplaySnapshot | null;
  waiting: WaitingCounts;
  /** Newest first. */
  calls: Call[];
  /** The call shown large: the newest, from the moment it comes. */
  featured: Call | null;
  /** The calls not yet spoken to their end, oldest first (the one being spoken first). */
  unspoken: Call[];
  /** The id of the call featured as new, which flashes; 0 for none. */
  flash: number;
  speaking: boolean;
  soundBlocked: boolean;
  /** A counter display's counter. */
  counter: DisplayCounter | null;
  /** Server clock minus this device's clock (ms). */
  skewMs: number;
}

export interface DisplayOptions {
  /** Follow one counter (a counter display), by its id or by the number on it. */
  counterId?: number;
  counterNumber?: number;
  /** Announce calls (the hall display); a counter display only shows them. */
  announce: boolean;
  /** Where the last announced call id is kept across reloads. */
  progressKey: string;
}

const HEARTBEAT_MS = 10_000;
const RESYNC_MS = 5 * 60_000;

export class DisplayController {
  state: DisplayState = {
    link: 'connecting',
    snapshot: null,
    waiting: [],
    calls: [],
    featured: null,
    unspoken: [],
    flash: 0,
    speaking: false,
    soundBlocked: false,
    counter: null,
    skewMs: 0,
  };
  private listeners = new Set<() => void>();
  private book: CallBook;
  private link: DeviceSocket | null = null;
  private bootVersion: string | null = null;
  private reloading = false;
  private readonly clips = new ClipPlayer();
  private readonly speech = new SpeechPlayer(this.clips);
  private readonly announcer: Announcer | null;

  constructor(private readonly opts: DisplayOptions) {
    const saved = Number(localStorage.getItem(opts.progressKey));
    this.book = emptyBook(Number.isSafeInteger(saved) && saved > 0 ? saved : null);
    this.announcer = opts.announce
      ? new Announcer({
          player: () => this.player(),
          options: () => this.announceOptions(),
          hooks: {
            pending: (unspoken) => {
              this.set({ unspoken });
              this.saveProgress();
            },
            speaking: (on) => this.set({ speaking: on }),
            idle: () => this.saveProgress(),
          },
        })
      : null;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(patch: Partial<DisplayState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }

  start(): void {
    const token = deviceToken();
    if (!token) return this.set({ link: 'unpaired' });
    const auth: Record<string, unknown> = { token };
    if (this.opts.counterId !== undefined) auth.counterId = this.opts.counterId;
    if (this.opts.counterNumber !== undefined) auth.counterNumber = this.opts.counterNumber;
    this.link = deviceSocket({
      namespace: '/display',
      auth,
      heartbeatMs: HEARTBEAT_MS,
      onState: (link) => this.set({ link }),
      onHeartbeat: (answer) => {
        const beat = answer as DisplayHeartbeat;
        this.set({ skewMs: Date.parse(beat.serverTime) - Date.now() });
        this.checkVersion(beat.version);
      },
    });
    const { socket } = this.link;
    socket.on('snapshot', (s: DisplaySnapshot) => this.onSnapshot(s));
    socket.on('call', (call: Call) => this.onCall(call));
    socket.on('waiting', (waiting: WaitingCounts) => this.set({ waiting }));
    socket.on('counter', (counter: DisplayCounter) => this.set({ counter }));
    setInterval(() => socket.connected && socket.emit('resync'), RESYNC_MS);
    if (this.announcer) void this.enableSound();
  }

  /** Unlocks the sound; on a TV that blocks autoplay this must come from a tap. */
  async enableSound(): Promise<void> {
    const ok = await this.player().unlock();
    this.set({ soundBlocked: !ok });
  }

  private player(): AnnouncementPlayer {
    const injected = window.dawrAnnouncementPlayer;
    if (injected) return injected;
    const voice = this.state.snapshot?.hall.display.voice;
    return voice === 'speechSynthesis' && speechAvailable() ? this.speech : this.clips;
  }

  private announceOptions(): AnnounceOptions {
    const hall = this.state.snapshot?.hall;
    return hall ? spokenLanguages(hall.languages, hall.display) : { chime: true, ar: true, en: true };
  }

  private onSnapshot(s: DisplaySnapshot): void {
    const first = this.state.snapshot === null;
    this.checkVersion(s.version);
    const { book, announce } = takeSnapshot(this.book, s.calls, s.serverTime);
    this.book = book;
    const counter = s.counter ?? null;
    this.set({ snapshot: s, waiting: s.waiting, calls: book.calls, counter, skewMs: Date.parse(s.serverTime) - Date.now() });
    if (!this.announcer) return;
    const newest = book.calls[0] ?? null;
    this.set(announce.length ? { featured: newest, flash: newest!.id } : { featured: newest });
    this.announcer.enqueue(announce);
    this.saveProgress();
    if (first) setTimeout(() => this.preload(), 1000);
  }

  private onCall(call: Call): void {
    const { book, announce } = takeCall(this.book, call);
    this.book = book;
    this.set(announce.length ? { calls: book.calls, featured: call, flash: call.id } : { calls: book.calls });
    if (this.announcer) {
      this.announcer.enqueue(announce);
      this.saveProgress();
    }
  }

  /** Everything up to this id was announced (or is listed only): the next boot starts after it. */
  private saveProgress(): void {
    const pending = this.announcer?.next;
    const done = pending ? pending.id - 1 : this.book.lastId;
    if (done !== null && done > 0) localStorage.setItem(this.opts.progressKey, String(done));
  }

  private preload(): void {
    if (window.dawrAnnouncementPlayer) return;
    this.clips.preload(clipsToPreload(this.announceOptions()));
  }

  /** A new server version reloads the page, once the calls in hand have been announced. */
  private checkVersion(version: string): void {
    if (this.bootVersion === null) this.bootVersion = version;
    if (version === this.bootVersion || this.reloading) return;
    this.reloading = true;
    const reload = () => (this.announcer?.busy ? setTimeout(reload, 1000) : location.reload());
    reload();
  }
}
