import { CHIME, type VoiceLang } from '../voice/catalogue.js';
import { PAUSE, PAUSE_SECONDS, type Announcement } from '../voice/sequence.js';

// Plays announcements. The clip player decodes each clip of the voice pack once and schedules a
// whole announcement on the AudioContext's own timeline, so that clips follow each other
// without a gap. The speech player uses the browser's voice instead (a hall setting). A test
// sets `window.dawrAnnouncementPlayer` before the page boots to hear what would be played.

export interface AnnouncementPlayer {
  /** Starts the sound output; false while the browser waits for a tap (autoplay policy). */
  unlock(): Promise<boolean>;
  /** Plays one announcement to its end. */
  play(announcement: Announcement): Promise<void>;
  /** Fetches and decodes clips ahead of need. */
  preload?(clipIds: string[]): void;
}

declare global {
  interface Window {
    dawrAnnouncementPlayer?: AnnouncementPlayer;
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class ClipPlayer implements AnnouncementPlayer {
  private ctx: AudioContext | null = null;
  private buffers = new Map<string, Promise<AudioBuffer | null>>();

  constructor(private readonly base = '/voice/') {}

  private context(): AudioContext {
    this.ctx ??= new AudioContext({ latencyHint: 'playback' });
    return this.ctx;
  }

  async unlock(): Promise<boolean> {
    const ctx = this.context();
    if (ctx.state !== 'running') await Promise.race([ctx.resume().catch(() => undefined), sleep(500)]);
    return ctx.state === 'running';
  }

  private load(id: string): Promise<AudioBuffer | null> {
    let buffer = this.buffers.get(id);
    if (!buffer) {
      buffer = fetch(this.base + id)
        .then((res) => (res.ok ? res.arrayBuffer() : Promise.reject(new Error(`${res.status}`))))
        .then((data) => this.context().decodeAudioData(data))
        .catch(() => {
          this.buffers.delete(id); // try again next time: the server may be back
          return null;
        });
      this.buffers.set(id, buffer);
    }
    return buffer;
  }

  preload(clipIds: string[]): void {
    for (const id of clipIds) if (id !== PAUSE) void this.load(id);
  }

  async play({ clips }: Announcement): Promise<void> {
    const buffers = await Promise.all(clips.map((id) => (id === PAUSE ? null : this.load(id))));
    const ctx = this.context();
    if (ctx.state !== 'running') return;
    let at = ctx.currentTime + 0.05;
    clips.forEach((id, i) => {
      const buffer = buffers[i];
      if (id === PAUSE) at += PAUSE_SECONDS;
      if (!buffer) return;
      const source = ctx.createBufferSource();
      source.buffer = buffer;
      source.connect(ctx.destination);
      source.start(at);
      at += buffer.duration;
    });
    await sleep((at - ctx.currentTime) * 1000);
  }
}

const LOCALES: Record<VoiceLang, string> = { ar: 'ar-SY', en: 'en-GB', fr: 'fr-FR' };

function speak(text: string, lang: VoiceLang): Promise<void> {
  return new Promise((resolve) => {
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = LOCALES[lang];
    const voice = speechSynthesis.getVoices().find((v) => v.lang.toLowerCase().startsWith(lang));
    if (voice) utterance.voice = voice;
    const done = () => {
      clearTimeout(guard);
      resolve();
    };
    // Some engines never fire `end`.
    const guard = setTimeout(done, 4000 + text.length * 150);
    utterance.onend = done;
    utterance.onerror = done;
    speechSynthesis.speak(utterance);
  });
}

/** The chime from the clip pack, then the browser's own voice. */
export class SpeechPlayer implements AnnouncementPlayer {
  constructor(private readonly clips: ClipPlayer) {}

  unlock(): Promise<boolean> {
    return this.clips.unlock();
  }

  async play(announcement: Announcement): Promise<void> {
    if (announcement.chime) await this.clips.play({ ...announcement, clips: [CHIME] });
    for (const { lang, text } of announcement.speech) await speak(text, lang);
  }
}

export const speechAvailable = () => typeof speechSynthesis !== 'undefined';
