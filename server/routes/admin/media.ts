import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readdirSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { isoInZone } from '../../engine/clock.js';
import { notFound } from '../../hall/errors.js';
import { getHall } from '../../hall/state.js';
import { HttpError } from '../../plugins/errors.js';
import { MediaFile } from '../../protocol/admin.js';
import { mediaDir, mediaKind } from '../../realtime/display-info.js';
import { refreshDisplays } from './hall.js';
import { changeBy, invalidField, recordAdminChange } from './record.js';

// The displays' pictures and videos in DATA_DIR/media. An upload is the raw file as the body of
// `PUT /api/admin/media/<name>` with its own content type (image/… or video/…): no multipart.

export const MEDIA_MAX_BYTES = 200 * 1024 * 1024;
/** Latin letters, digits, dot, underscore and hyphen; never a path, never hidden. */
const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
const NameParams = z.object({
  name: z
    .string()
    .refine((n) => SAFE_NAME.test(n), { message: 'may hold only A-Z, a-z, 0-9, dot, underscore and hyphen', params: { code: 'file_name' } }),
});

function tooLarge(): HttpError {
  return new HttpError(413, 'payload_too_large', `a media file may be at most ${MEDIA_MAX_BYTES / 1024 / 1024} MB`);
}

/** Passes bytes through until there are too many. */
function capped(max: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      seen += chunk.length;
      done(seen > max ? tooLarge() : null, chunk);
    },
  });
}

export default async function mediaRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { conn } = app;
  const dir = () => mediaDir(conn);

  // The body stays a stream: the handler writes it to disk, counting.
  app.addContentTypeParser(/^(image|video)\/[a-z0-9.+-]+$/i, (_request, payload, done) => done(null, payload));

  const view = (hallId: number, name: string): MediaFile => {
    const st = statSync(join(dir(), name));
    return {
      name,
      url: `/media/${encodeURIComponent(name)}`,
      kind: mediaKind(name)!,
      size: st.size,
      modifiedAt: isoInZone(st.mtimeMs, getHall(conn, hallId).timeZone),
    };
  };

  app.get('/media', { schema: { response: { 200: z.array(MediaFile) } } }, async (request) => {
    const { hallId } = changeBy(request);
    if (!existsSync(dir())) return [];
    return readdirSync(dir())
      .filter((f) => SAFE_NAME.test(f) && mediaKind(f) && statSync(join(dir(), f)).isFile())
      .sort()
      .map((f) => view(hallId, f));
  });

  app.put(
    '/media/:name',
    { bodyLimit: MEDIA_MAX_BYTES, schema: { params: NameParams, response: { 200: MediaFile, 201: MediaFile } } },
    async (request, reply) => {
      const { name } = request.params;
      const kind = mediaKind(name);
      if (!kind) throw invalidField('name', 'media_extension', 'must end in .jpg, .jpeg, .png, .webp, .gif, .svg, .mp4, .webm, .ogv or .m4v');
      const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      if (!type.startsWith(`${kind}/`)) throw invalidField('file', 'media_type', `a .${name.split('.').pop()} file is sent as ${kind}/…, not ${type}`);
      if (Number(request.headers['content-length'] ?? 0) > MEDIA_MAX_BYTES) throw tooLarge();
      const body = request.body as Readable | undefined;
      if (!body || typeof body.pipe !== 'function') throw invalidField('file', 'required', 'the file is empty');

      mkdirSync(dir(), { recursive: true });
      const partial = join(dir(), `.upload-${randomUUID()}`);
      try {
        await pipeline(body, capped(MEDIA_MAX_BYTES), createWriteStream(partial));
        if (statSync(partial).size === 0) throw invalidField('file', 'required', 'the file is empty');
      } catch (err) {
        if (existsSync(partial)) unlinkSync(partial);
        throw err;
      }
      const target = join(dir(), name);
      const replaced = existsSync(target);
      renameSync(partial, target);
      const by = changeBy(request);
      const file = view(by.hallId, name);
      recordAdminChange(conn, { ...by, action: 'upload', entity: 'media', entityId: name, details: { label: name, size: file.size, replaced } });
      refreshDisplays(app, by.hallId);
      return reply.status(replaced ? 200 : 201).send(file);
    },
  );

  app.delete('/media/:name', { schema: { params: NameParams } }, async (request, reply) => {
    const { name } = request.params;
    const path = join(dir(), name);
    if (!mediaKind(name) || !existsSync(path) || !statSync(path).isFile()) throw notFound('media file', name);
    unlinkSync(path);
    const by = changeBy(request);
    recordAdminChange(conn, { ...by, action: 'delete', entity: 'media', entityId: name, details: { label: name } });
    refreshDisplays(app, by.hallId);
    return reply.status(204).send();
  });
}
