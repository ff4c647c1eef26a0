import { useEffect, useRef } from 'preact/hooks';
import type { DisplayPresence } from '../../../server/protocol/schemas.js';
import { formatNumber, frenchCount, labelled, pick, type Bilingual, type Digits, type Lang } from '../../../ui-kit/i18n.js';
import type { Printer } from '../live.js';
import { isolate, minutes } from '../text.js';

// The supervisor's alerts, worked out from what the board shows (pure), and the sound that
// announces a new one.

export interface Alert {
  /** Stable while the condition lasts: a new key is a new alert (and a beep). */
  key: string;
  level: 'danger' | 'warn';
  text: string;
}

export interface AlertInput {
  services: { id: number; name: Bilingual; waiting: number; longestWaitS: number; targetWaitS: number }[];
  queueLimit: number;
  printers: Printer[];
  displays: DisplayPresence[];
}

export function hallAlerts(input: AlertInput, lang: Lang, digits: Digits): Alert[] {
  const n = (v: number) => formatNumber(v, lang, digits);
  /** A device's name as quoted in a sentence: «الطابعة «…»», "Printer “…”", « L’imprimante « … » ». */
  const quoted = (name: string) => ({ ar: `«${isolate(name)}»`, en: `“${isolate(name)}”`, fr: `«\u00a0${isolate(name)}\u00a0»` })[lang];
  const out: Alert[] = [];
  for (const s of input.services) {
    const name = labelled(isolate(pick(s.name, lang)), lang);
    if (s.waiting > 0 && s.longestWaitS > s.targetWaitS) {
      const waited = minutes(Math.floor(s.longestWaitS / 60), lang, digits);
      const target = minutes(Math.round(s.targetWaitS / 60), lang, digits);
      const text = {
        ar: `أقدم دور ينتظر منذ ${waited}، والهدف ${target}`,
        en: `longest wait ${waited}, target ${target}`,
        fr: `le plus ancien ticket attend depuis ${waited}, objectif ${target}`,
      }[lang];
      out.push({ key: `target:${s.id}`, level: 'danger', text: name + text });
    }
    if (s.waiting > input.queueLimit) {
      const text = {
        ar: `${n(s.waiting)} بالانتظار، أكثر من الحد (${n(input.queueLimit)})`,
        en: `${s.waiting} waiting, over the limit of ${input.queueLimit}`,
        fr: `${frenchCount(s.waiting, 'personne', 'personnes')} en attente, au-delà de la limite de ${input.queueLimit}`,
      }[lang];
      out.push({ key: `queue:${s.id}`, level: 'warn', text: name + text });
    }
  }
  for (const p of input.printers) {
    const name = quoted(p.name);
    if (p.status === 'offline') {
      const text = { ar: `الطابعة ${name} غير متصلة`, en: `Printer ${name} is offline`, fr: `L’imprimante ${name} est hors ligne` }[lang];
      out.push({ key: `printer:${p.printerId}:offline`, level: 'danger', text });
    } else if (p.status === 'paper_out') {
      const text = { ar: `نفد الورق من الطابعة ${name}`, en: `Printer ${name} is out of paper`, fr: `L’imprimante ${name} n’a plus de papier` }[lang];
      out.push({ key: `printer:${p.printerId}:paper`, level: 'danger', text });
    }
  }
  // A display that never connected is not installed yet; one that went away is offline.
  for (const d of input.displays) {
    if (!d.connected && d.lastSeenAt) {
      const name = quoted(d.name);
      const text = { ar: `الشاشة ${name} غير متصلة`, en: `Display ${name} is offline`, fr: `L’écran ${name} est hors ligne` }[lang];
      out.push({ key: `display:${d.id}`, level: 'warn', text });
    }
  }
  return out;
}

let audio: AudioContext | null = null;

/** Two short tones through Web Audio: no sound file needed. */
export function beep(): void {
  try {
    audio ??= new AudioContext();
    void audio.resume();
    const t0 = audio.currentTime + 0.02;
    [880, 660].forEach((frequency, i) => {
      const at = t0 + i * 0.28;
      const osc = audio!.createOscillator();
      const gain = audio!.createGain();
      osc.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.35, at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.24);
      osc.connect(gain).connect(audio!.destination);
      osc.start(at);
      osc.stop(at + 0.26);
    });
  } catch {
    // No audio device, or the browser refuses sound before a click: the alert is still shown.
  }
}

/** Beeps when an alert appears that was not there before (unless muted). */
export function useAlertSound(alerts: Alert[], muted: boolean): void {
  const known = useRef<Set<string> | null>(null);
  const keys = alerts.map((a) => a.key).join('|');
  useEffect(() => {
    const now = new Set(alerts.map((a) => a.key));
    const fresh = [...now].some((k) => !known.current?.has(k));
    known.current = now;
    if (fresh && !muted) beep();
  }, [keys]);
}
