import fp from 'fastify-plugin';
import { inTransaction } from '../../db/connection.js';
import { rollOver } from '../hall/rollover.js';
import { getHall } from '../hall/state.js';

const CHECK_EVERY_MS = 30_000;

/** The business day moves on by itself at local midnight, even when nobody takes a ticket. */
export default fp(
  async (app) => {
    const check = () => {
      try {
        const effects = inTransaction(app.conn, () => rollOver(app.conn, getHall(app.conn, app.hallId), app.now()));
        app.realtime.publish(app.hallId, effects);
      } catch (err) {
        app.log.error({ err }, 'day rollover failed');
      }
    };
    let timer: NodeJS.Timeout | undefined;
    app.addHook('onReady', async () => {
      check();
      timer = setInterval(check, CHECK_EVERY_MS);
      timer.unref();
    });
    app.addHook('onClose', async () => clearInterval(timer));
  },
  { name: 'rollover', dependencies: ['db', 'realtime', 'clock'] },
);
