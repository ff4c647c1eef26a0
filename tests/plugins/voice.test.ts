import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHall, type TestHall } from '../helpers/hall.js';

// /voice serves the clip pack, the hall's own recordings first; /media the admin's files.

let hall: TestHall;
beforeAll(async () => {
  hall = await startHall();
});
afterAll(() => hall.close());

const get = (url: string) => hall.app.inject({ method: 'GET', url });

describe('/voice and /media', () => {
  it('serves the default clips', async () => {
    const res = await get('/voice/ar/n5');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^audio\/ogg/);
    expect(res.rawPayload.subarray(0, 4).toString('latin1')).toBe('OggS');
    expect((await get('/voice/common/chime')).statusCode).toBe(200);
    expect((await get('/voice/en/go-to-counter')).statusCode).toBe(200);
  });

  it("prefers the hall's own recording of a clip", async () => {
    mkdirSync(join(hall.dataDir, 'voice', 'ar'), { recursive: true });
    writeFileSync(join(hall.dataDir, 'voice', 'ar', 'n7.mp3'), 'ID3 our own seven');
    const res = await get('/voice/ar/n7');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^audio\/mpeg/);
    expect(res.body).toBe('ID3 our own seven');
    const manifest = (await get('/voice/manifest.json')).json();
    expect(manifest.own).toEqual(['ar/n7']);
    expect(Object.keys(manifest.clips)).toContain('ar/n7');
  });

  it('answers 404 for unknown clips and odd names', async () => {
    expect((await get('/voice/ar/n1000')).statusCode).toBe(404);
    expect((await get('/voice/ar/..%2Fmanifest')).statusCode).toBe(404);
    expect((await get('/voice/..%2F..%2Fpackage/json')).statusCode).toBe(404);
  });

  it('serves images and videos of the media folder, and lists them in the display snapshot', async () => {
    mkdirSync(join(hall.dataDir, 'media'), { recursive: true });
    writeFileSync(join(hall.dataDir, 'media', 'welcome.png'), 'png');
    writeFileSync(join(hall.dataDir, 'media', 'notes.txt'), 'not media');
    expect((await get('/media/welcome.png')).statusCode).toBe(200);
    expect((await get('/media/notes.txt')).statusCode).toBe(404);
    expect((await get('/media/..%2Fdawr.sqlite')).statusCode).toBe(404);
    const { listMedia } = await import('../../server/realtime/display-info.js');
    expect(listMedia(hall.app.conn)).toEqual([{ url: '/media/welcome.png', kind: 'image' }]);
  });
});
