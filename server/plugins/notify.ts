import type { FastifyBaseLogger } from 'fastify';
import fp from 'fastify-plugin';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Effect } from '../hall/effects.js';
import type { AppointmentMessage } from '../hall/appointments-sweep.js';
import { claimDueMessages, forgetEnded, hasPendingContacts, type NotifyMessage } from '../hall/notify.js';
import { notifySettings } from '../hall/phone-settings.js';
import { localWebhookProblem, lookupRefusingLocal } from '../hall/webhook-target.js';
import { getHall } from '../hall/state.js';
import { publicBase } from '../printing/facts.js';

declare module 'fastify' {
  interface FastifyInstance {
    notify: {
      /** Sends the messages now due in the hall (after a phone number is saved). Never throws, never waits. */
      check(hallId: number): void;
      /** Sends these messages about bookings (reminders, cancellations) to the hall's webhook, when it is on. Never throws, never waits. */
      send(hallId: number, messages: AppointmentMessage[]): void;
      /** Where phones reach the hall: its public address, else this server on the hall's network. */
      base(hallId: number): string;
      /** Why this webhook address is refused (this machine, its local link), unless WEBHOOK_ALLOW_LOCAL; null when fine. */
      webhookProblem(url: string): string | null;
    };
  }
}

const TIMEOUT_MS = 3000;
const ATTEMPTS = 2;

/** POSTs `body`; answers the status (redirects are not followed: a 3xx is a failure). */
function post(url: URL, body: string, allowLocal: boolean): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      signal: AbortSignal.timeout(TIMEOUT_MS),
      ...(allowLocal ? {} : { lookup: lookupRefusingLocal() }),
    });
    req.once('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.once('error', reject);
    req.end(body);
  });
}

/** POSTs one message to the gateway: a 3 s timeout, one retry; failures are logged without the phone number. */
async function deliver(url: string, message: NotifyMessage | AppointmentMessage, allowLocal: boolean, log: FastifyBaseLogger): Promise<void> {
  const about = 'ticketNumber' in message ? { ticketNumber: message.ticketNumber } : { appointment: message.start, kind: message.kind };
  const refused = allowLocal ? null : localWebhookProblem(url);
  if (refused) return log.error({ ...about, reason: refused }, 'notification webhook refused: a local address');
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    try {
      const status = await post(new URL(url), JSON.stringify(message), allowLocal);
      if (status >= 200 && status < 300) return;
      log.warn({ ...about, status, attempt }, 'notification webhook refused the message');
    } catch (err) {
      const { name, code, message: why } = err as NodeJS.ErrnoException;
      if (code === 'ELOCALADDRESS') return log.error({ ...about, reason: why }, 'notification webhook refused: a local address');
      log.warn({ ...about, error: code ?? name, attempt }, 'notification webhook unreachable');
    }
  }
  log.error(about, 'notification not delivered');
}

/**
 * The notification hook: after every publish, numbers of tickets that ended are deleted, and when
 * places in line moved, the tickets with a number that reached the hall's position are told to
 * the webhook, once each, in the background.
 */
export default fp<{ allowLocalWebhook: boolean }>(
  async (app, { allowLocalWebhook }) => {
    const log = app.log.child({ module: 'notify' });
    const inFlight = new Set<Promise<void>>();

    const base = (hallId: number) => publicBase(app.conn, hallId, (app.server.address() as AddressInfo | null)?.port ?? 3000);
    const sendAll = (url: string, messages: (NotifyMessage | AppointmentMessage)[]) => {
      for (const message of messages) {
        const sending = deliver(url, message, allowLocalWebhook, log).finally(() => inFlight.delete(sending));
        inFlight.add(sending);
      }
    };
    const send = (hallId: number, messages: AppointmentMessage[]) => {
      if (messages.length === 0) return;
      const { enabled, webhookUrl } = notifySettings(getHall(app.conn, hallId));
      if (enabled) sendAll(webhookUrl, messages);
    };

    const check = (hallId: number) => {
      try {
        if (!hasPendingContacts(app.conn, hallId)) return;
        const hall = getHall(app.conn, hallId);
        const { enabled, webhookUrl } = notifySettings(hall);
        if (!enabled) return;
        sendAll(webhookUrl, claimDueMessages(app.conn, hallId, app.now(), base(hallId)));
      } catch (err) {
        log.error({ err }, 'notification check failed');
      }
    };

    app.realtime.afterPublish((hallId: number, effects: Effect[]) => {
      const ended = effects.flatMap((e) => (e.kind === 'ticket' ? [e.ticketId] : []));
      forgetEnded(app.conn, ended);
      if (effects.some((e) => e.kind === 'waiting')) check(hallId);
    });
    app.decorate('notify', { check, send, base, webhookProblem: (url: string) => (allowLocalWebhook ? null : localWebhookProblem(url)) });
    app.addHook('onClose', async () => {
      await Promise.allSettled([...inFlight]);
    });
  },
  { name: 'notify', dependencies: ['db', 'realtime', 'clock'] },
);
