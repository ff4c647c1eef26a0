import type { LookupAddress } from 'node:dns';
import { describe, expect, it } from 'vitest';
import { isLocalAddress, localWebhookProblem, lookupRefusingLocal } from '../../server/hall/webhook-target.js';

// Which webhook addresses are refused (this machine, its local link), by their text and by what
// their name resolves to when the message is sent.

describe('local addresses', () => {
  it('are loopback, unspecified and link-local, mapped IPv6 forms too', () => {
    for (const ip of ['127.0.0.1', '127.255.0.9', '0.0.0.0', '169.254.169.254', '::1', '::', 'fe80::1', 'febf::1', '::ffff:127.0.0.1', '::ffff:169.254.1.1']) {
      expect(isLocalAddress(ip), ip).toBe(true);
    }
    for (const ip of ['192.168.1.10', '10.0.0.1', '8.8.8.8', '2001:db8::1', 'fec0::1', '::ffff:8.8.8.8', 'sms.example.org']) {
      expect(isLocalAddress(ip), ip).toBe(false);
    }
  });

  it('in a URL, by address or by a name of this machine', () => {
    expect(localWebhookProblem('http://[::ffff:7f00:1]:8080/x')).toMatch(/^::ffff:7f00:1 is this machine or its local link/);
    expect(localWebhookProblem('https://LOCALHOST/x')).toMatch(/^localhost is/);
    expect(localWebhookProblem('https://192.168.1.20/sms')).toBeNull(); // a gateway on the hall's network
  });
});

describe('the lookup used to connect', () => {
  /** A resolver answering these addresses for every name. */
  const resolvingTo = (...addresses: LookupAddress[]) =>
    ((_host: string, _opts: object, cb: (err: null, a: LookupAddress[]) => void) => cb(null, addresses)) as never;
  const run = (lookup: ReturnType<typeof lookupRefusingLocal>, all: boolean) =>
    new Promise<{ err: NodeJS.ErrnoException | null; address: unknown; family?: number }>((resolve) =>
      lookup('gateway.example', { all }, (err, address, family) => resolve({ err, address, family })),
    );

  it('fails when any address of the name is local (a name pointed at 127.0.0.1 or 169.254.169.254)', async () => {
    const rebound = lookupRefusingLocal(resolvingTo({ address: '203.0.113.5', family: 4 }, { address: '169.254.169.254', family: 4 }));
    for (const all of [true, false]) {
      const { err } = await run(rebound, all);
      expect(err).toMatchObject({ code: 'ELOCALADDRESS', message: 'gateway.example resolves to 169.254.169.254, a local address' });
    }
  });

  it('answers as asked otherwise: every address, or the first', async () => {
    const fine = lookupRefusingLocal(resolvingTo({ address: '203.0.113.5', family: 4 }, { address: '2001:db8::5', family: 6 }));
    expect((await run(fine, true)).address).toEqual([{ address: '203.0.113.5', family: 4 }, { address: '2001:db8::5', family: 6 }]);
    expect(await run(fine, false)).toEqual({ err: null, address: '203.0.113.5', family: 4 });
  });
});
