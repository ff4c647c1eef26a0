import fp from 'fastify-plugin';
import { cityWaitsReader, type CityWaitsReader } from '../central/other-centres.js';
import { createShipper, type Shipper, type ShipperTiming } from '../central/shipper.js';
import { VERSION } from '../version.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The hall's link to its city server (CENTRAL_URL); null when the hall stands alone. */
    central: (Pick<Shipper, 'state'> & { cityWaits: CityWaitsReader }) | null;
  }
}

export interface CentralOptions {
  url?: string;
  token?: string;
  /** Tests make the shipper's intervals short. */
  timing?: Partial<ShipperTiming>;
}

/** With CENTRAL_URL and CENTRAL_TOKEN: ships the hall's history to the city and applies its catalogue. */
export default fp<CentralOptions>(
  async (app, opts) => {
    if (!opts.url || !opts.token) {
      app.decorate('central', null);
      return;
    }
    const shipper = createShipper({
      conn: app.conn,
      hallId: app.hallId,
      url: opts.url,
      token: opts.token,
      now: app.now,
      log: app.log.child({ module: 'central' }),
      software: VERSION.slice(0, 40),
      publish: (effects) => app.realtime.publish(app.hallId, effects),
      timing: opts.timing,
    });
    app.decorate('central', { state: shipper.state, cityWaits: cityWaitsReader(opts.url, app.now) });
    app.addHook('onReady', async () => shipper.start());
    app.addHook('preClose', () => shipper.stop());
  },
  { name: 'central', dependencies: ['db', 'realtime', 'clock'] },
);
