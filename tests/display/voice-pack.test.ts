import { existsSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLIPS } from '../../display-ui/src/voice/catalogue.js';

// The committed voice pack matches the clip list, stays small, and the artist's list names
// every clip.

const manifest = JSON.parse(readFileSync('assets/voice/manifest.json', 'utf8')) as { clips: Record<string, { bytes: number; ms: number }> };

describe('the voice pack', () => {
  it('has one Ogg file per clip of the list, and nothing else', () => {
    for (const clip of CLIPS) {
      const file = `assets/voice/${clip.id}.ogg`;
      expect(existsSync(file), file).toBe(true);
      expect(readFileSync(file).subarray(0, 4).toString('latin1'), file).toBe('OggS');
      expect(manifest.clips[clip.id]?.bytes).toBe(statSync(file).size);
    }
    expect(Object.keys(manifest.clips).sort()).toEqual(CLIPS.map((c) => c.id).sort());
  });

  it('is small, with short clips', () => {
    const total = Object.values(manifest.clips).reduce((sum, c) => sum + c.bytes, 0);
    expect(total).toBeLessThan(700 * 1024);
    for (const [id, clip] of Object.entries(manifest.clips)) expect(clip.ms, id).toBeLessThan(2500);
  });

  it('is documented clip by clip for a voice artist', () => {
    const doc = readFileSync('docs/voice-clips.md', 'utf8');
    for (const clip of CLIPS) expect(doc, clip.id).toContain(`| \`${clip.id}\` | ${clip.text} |`);
  });
});
