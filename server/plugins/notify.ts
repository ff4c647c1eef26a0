import type { FastifyBaseLogger } from 'fastify';
import fp from 'fastify-plugin';
import type { AddressInfo } from 'node:net';
import type { Effect } from '../hall/effects.js';
import { claimDueMessages, forgetEnded, hasPendingContacts, type NotifyMessage } from '../hall/notify.js';
import { notifySettings } from '../hall/phone-settings.js';
import { getHall } from '../hall/state.js';
import { publicBase } from '../printing/facts.js';

declare module 'fastify' {
  interface FastifyInstance {
    notify: {
      /** Sends the messages now due in the hall (after a phone number is saved). Never throws, never waits. */
      check(hallId: number): void;
    };
  }
}

const TIMEOUT_MS = 3000;
const ATTEMPTS = 2;

/** POSTs one message to the gateway: a 3 s timeout, one retry; failures are logged without the phone number. */
async function deliver(url: string, message: NotifyMessage, log: FastifyBaseLogger): Promise<void> {
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(message),
        signal: AbortSignal.timeout(TIMEOUT_MS),
        redirect: 'error',
      });
      await res.body?.cancel();
      if (res.ok) return;
      log.warn({ ticketNumber: message.ticketNumber, status: res.status, attempt }, 'notification webhook refused the message');
    } catch (err) {
      log.warn({ ticketNumber: message.ticketNumber, error: (err as Error).name, attempt }, 'notification webhook unreachable');
    }
  }
  log.error({ ticketNumber: message.ticketNumber }, 'notification not delivered');
}

/**
 * The notification hook: after every publish, numbers of tickets that ended are deleted, and when
 * places in line moved, the tickets with a number that reached the hall's position are told to
 * the webhook, once each, in the background.
 */
export default fp(
  async (app) => {
    const log = app.log.child({ module: 'notify' });
    const inFlight = new Set<Promise<void>>();

    const check = (hallId: number) => {
      try {
        if (!hasPendingContacts(app.conn, hallId)) return;
        const hall = getHall(app.conn, hallId);
        const { enabled, webhookUrl } = notifySettings(hall);
        if (!enabled) return;
        const base = publicBase(app.conn, hallId, (app.server.address() as AddressInfo | null)?.port ?? 3000);
        for (const message of claimDueMessages(app.conn, hallId, app.now(), base)) {
          const sending = deliver(webhookUrl, message, log).finally(() => inFlight.delete(sending));
          inFlight.add(sending);
        }
      } catch (err) {
        log.error({ err }, 'notification check failed');
      }
    };

    app.realtime.afterPublish((hallId: number, effects: Effect[]) => {
      const ended = effects.flatMap((e) => (e.kind === 'ticket' ? [e.ticketId] : []));
      forgetEnded(app.conn, ended);
      if (effects.some((e) => e.kind === 'waiting')) check(hallId);
    });
    app.decorate('notify', { check });
    app.addHook('onClose', async () => {
      await Promise.allSettled([...inFlight]);
    });
  },
  { name: 'notify', dependencies: ['db', 'realtime', 'clock'] },
);
