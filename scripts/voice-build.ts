// npm run voice:build: makes the default voice pack, assets/voice/<folder>/<name>.ogg and
// assets/voice/manifest.json, from the clip list of display-ui/src/voice/catalogue.ts.
// Needs Debian's espeak-ng, sox and opus-tools (apt-get install espeak-ng sox opus-tools).
// Each clip is spoken by espeak-ng, trimmed of its silences and levelled by sox (so that clips
// join without gaps), then encoded as Ogg Opus, mono, ~16 kbit/s. The pack is committed: the
// server and the tests never need these tools.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { CLIPS, CHIME, type Clip, type VoiceLang } from '../display-ui/src/voice/catalogue.js';

const OUT = 'assets/voice';
const VOICES: Record<VoiceLang, string> = { ar: 'ar', en: 'en-gb', fr: 'fr' };
const tmp = mkdtempSync(join(tmpdir(), 'dawr-voice-'));

function run(cmd: string, args: string[]): string {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === 'ENOENT') throw new Error(`${cmd} is missing: apt-get install -y espeak-ng sox libsox-fmt-all opus-tools`);
    throw new Error(`${cmd} ${args.join(' ')} failed: ${e.stderr ?? e.message}`);
  }
}

function speak(clip: Clip, wav: string): void {
  if (clip.id === CHIME) {
    // Two bell-like notes, E5 then C5, each fading out.
    const note = (freq: number, seconds: number, file: string) =>
      run('sox', ['-R', '-D', '-n', '-r', '48000', '-c', '1', '-b', '16', file, 'synth', String(seconds), 'sine', String(freq), 'sine', String(freq * 2), 'fade', 'q', '0.01', String(seconds), String(seconds - 0.05), 'vol', '0.5']);
    note(659.25, 0.55, join(tmp, 'n1.wav'));
    note(523.25, 0.9, join(tmp, 'n2.wav'));
    run('sox', ['-R', '-D', join(tmp, 'n1.wav'), join(tmp, 'n2.wav'), '-b', '16', wav, 'pad', '0', '0.25']);
    return;
  }
  const raw = join(tmp, 'raw.wav');
  const voice = VOICES[clip.lang as VoiceLang];
  run('espeak-ng', ['-v', voice, '-s', clip.lang === 'ar' ? '145' : '155', '-w', raw, clip.espeak ?? clip.text]);
  // Trim silence at both ends, level, soften the edges against clicks, keep a short breath.
  const trimmed = join(tmp, 'trimmed.wav');
  run('sox', ['-R', '-D', raw, '-r', '48000', '-c', '1', '-b', '16', trimmed,
    'silence', '1', '0.01', '0.5%', 'reverse', 'silence', '1', '0.01', '0.5%', 'reverse', 'norm', '-3']);
  run('sox', ['-R', '-D', trimmed, wav, 'fade', 'q', '0.005', '-0', '0.015', 'pad', '0', '0.04']);
}

const manifest: Record<string, { text: string; bytes: number; ms: number }> = {};
rmSync(OUT, { recursive: true, force: true });
for (const clip of CLIPS) {
  const wav = join(tmp, 'clip.wav');
  speak(clip, wav);
  const ms = Math.round(Number(run('soxi', ['-D', wav]).trim()) * 1000);
  const file = join(OUT, `${clip.id}.ogg`);
  mkdirSync(dirname(file), { recursive: true });
  // A fixed stream serial: the same clip encodes to the same bytes, so a rebuild has no diff.
  run('opusenc', ['--quiet', '--speech', '--bitrate', clip.id === CHIME ? '24' : '16', '--serial', '1', wav, file]);
  manifest[clip.id] = { text: clip.text, bytes: statSync(file).size, ms };
}
const version = run('espeak-ng', ['--version']).trim().split('  ')[0];
writeFileSync(join(OUT, 'manifest.json'), JSON.stringify({ generator: version, clips: manifest }, null, 1) + '\n');
rmSync(tmp, { recursive: true, force: true });

const total = Object.values(manifest).reduce((sum, c) => sum + c.bytes, 0);
const folders = readdirSync(OUT).filter((f) => !f.endsWith('.json'));
console.log(`voice pack: ${CLIPS.length} clips in ${folders.join(', ')}, ${(total / 1024).toFixed(0)} kB`);
