// The call must reach a citizen whose phone is in a pocket: vibration where the phone allows it,
// and a chime. Phones allow sound only after a tap on the page, so the first tap (or the «enable
// alerts» button) opens the audio; before that only the vibration and the screen alert.

let audio: AudioContext | null = null;

/** Opens the audio; call it from a tap. Answers whether sound is now possible. */
export function unlockSound(): boolean {
  try {
    audio ??= new AudioContext();
    if (audio.state === 'suspended') void audio.resume();
    return true;
  } catch {
    return false;
  }
}

export const soundReady = () => audio?.state === 'running';

/** Two short tones, like a hall's chime. */
function chime(ctx: AudioContext): void {
  const start = ctx.currentTime + 0.05;
  [880, 660, 880, 660].forEach((hz, i) => {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    const at = start + i * 0.35;
    osc.frequency.value = hz;
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.5, at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.3);
    osc.connect(gain).connect(ctx.destination);
    osc.start(at);
    osc.stop(at + 0.32);
  });
}

/** Vibrates and chimes, as far as the phone lets the page. */
export function ring(): void {
  vibrate([400, 150, 400, 150, 800]);
  if (audio && audio.state === 'running') chime(audio);
}

function vibrate(pattern: number | number[]): void {
  try {
    navigator.vibrate?.(pattern);
  } catch {
    // Some browsers throw instead of refusing quietly.
  }
}

/** A short confirmation that the alerts work (plays even while the audio is still starting). */
export function testAlerts(): void {
  vibrate(200);
  if (audio) chime(audio);
}
