import fp from 'fastify-plugin';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../paths.js';
import { mediaKind } from '../realtime/display-info.js';

// The displays' sound and pictures. /voice/<folder>/<name>: a clip of the voice pack, the hall's
// own recording (DATA_DIR/voice/<folder>/<name>.<ext>) first, else the committed default
// (assets/voice/<folder>/<name>.ogg). /media/<file>: the images and videos of DATA_DIR/media.

const PACK_DIR = join(ROOT, 'assets', 'voice');
/** Recordings a hall may bring, in this order of preference. */
const OWN_FORMATS = ['ogg', 'opus', 'mp3', 'm4a', 'wav', 'webm'];
const SAFE_NAME = /^[a-z0-9][a-z0-9-]{0,40}$/;
const SAFE_FILE = /^[^/\\]{1,200}$/;

export interface VoiceOptions {
  dataDir: string;
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}

export default fp<VoiceOptions>(
  async (app, opts) => {
    const ownDir = join(opts.dataDir, 'voice');
    const mediaDir = join(opts.dataDir, 'media');

    /** [folder, file] of the clip to play, or null. */
    function findClip(folder: string, name: string): [string, string] | null {
      for (const ext of OWN_FORMATS) {
        if (isFile(join(ownDir, folder, `${name}.${ext}`))) return [join(ownDir, folder), `${name}.${ext}`];
      }
      return isFile(join(PACK_DIR, folder, `${name}.ogg`)) ? [join(PACK_DIR, folder), `${name}.ogg`] : null;
    }

    // The committed pack does not change while the server runs: read once, on first ask.
    let pack: { clips: Record<string, unknown> } | undefined;
    app.get('/voice/manifest.json', { schema: { hide: true } }, async (_request, reply) => {
      pack ??= JSON.parse(readFileSync(join(PACK_DIR, 'manifest.json'), 'utf8')) as { clips: Record<string, unknown> };
      const own = Object.keys(pack.clips).filter((id) => {
        const [folder, name] = id.split('/') as [string, string];
        return OWN_FORMATS.some((ext) => isFile(join(ownDir, folder, `${name}.${ext}`)));
      });
      return reply.header('cache-control', 'no-cache').send({ ...pack, own });
    });

    app.get<{ Params: { folder: string; name: string } }>(
      '/voice/:folder/:name',
      { schema: { hide: true } },
      async (request, reply) => {
        const { folder, name } = request.params;
        const found = SAFE_NAME.test(folder) && SAFE_NAME.test(name) ? findClip(folder, name) : null;
        if (!found) return reply.status(404).send({ error: { code: 'not_found', message: `no clip ${folder}/${name}` } });
        // Revalidated (ETag) so that a hall's new recording is heard without clearing caches.
        return reply.header('cache-control', 'no-cache').sendFile(found[1], found[0]);
      },
    );

    app.get<{ Params: { file: string } }>('/media/:file', { schema: { hide: true } }, async (request, reply) => {
      const { file } = request.params;
      const ok = SAFE_FILE.test(file) && !file.startsWith('.') && mediaKind(file) && isFile(join(mediaDir, file));
      if (!ok) return reply.status(404).send({ error: { code: 'not_found', message: 'no such media file' } });
      return reply.header('cache-control', 'no-cache').sendFile(file, mediaDir);
    });
  },
  { name: 'voice', dependencies: ['ui'] },
);
