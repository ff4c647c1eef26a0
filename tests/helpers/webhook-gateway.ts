import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach } from 'vitest';

// A local SMS gateway for the hall's webhook: it records every message it receives. Fresh for
// each test of the block that calls webhookGateway().

export interface WebhookGateway {
  /** The messages received in this test, in order (the same array all along). */
  received: any[];
  /** The hall's setting that sends messages here. */
  notify(): { enabled: true; webhookUrl: string; position: number };
  /** Waits until `n` messages came (or 2 s), then a moment more for any unexpected one. */
  settle(n: number): Promise<void>;
}

export function webhookGateway(): WebhookGateway {
  let server: Server;
  const gateway: WebhookGateway = {
    received: [],
    notify: () => ({ enabled: true, webhookUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`, position: 3 }),
    async settle(n) {
      for (let i = 0; i < 100 && gateway.received.length < n; i++) await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, 50));
    },
  };
  beforeEach(async () => {
    gateway.received.length = 0;
    server = createServer((req, res) => {
      let data = '';
      req.on('data', (c) => (data += c));
      req.on('end', () => {
        gateway.received.push(JSON.parse(data));
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return gateway;
}
