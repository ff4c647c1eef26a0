import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyInstance {
    /** The hall's clock in epoch ms. Everything asks it, never Date.now(), so tests can move time. */
    now: () => number;
  }
}

export default fp<{ now: () => number }>(
  async (app, opts) => {
    app.decorate('now', opts.now);
  },
  { name: 'clock' },
);
