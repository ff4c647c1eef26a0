import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { BlockList, isIP } from 'node:net';

// The notification webhook posts to an address an admin typed: not to this machine or its
// link-local neighbours (a cloud's metadata service at 169.254.169.254, say), which an admin
// could otherwise make the server call. Refused when the setting is saved, and again when the
// message is sent, on the addresses the name resolves to then. WEBHOOK_ALLOW_LOCAL=1 lifts it
// (a gateway on the same machine, tests).

const LOCAL = new BlockList();
LOCAL.addSubnet('127.0.0.0', 8, 'ipv4');
LOCAL.addSubnet('0.0.0.0', 8, 'ipv4');
LOCAL.addSubnet('169.254.0.0', 16, 'ipv4');
LOCAL.addAddress('::1', 'ipv6');
LOCAL.addAddress('::', 'ipv6');
LOCAL.addSubnet('fe80::', 10, 'ipv6');

/** Loopback, unspecified or link-local, IPv4-mapped forms (::ffff:127.0.0.1) included. */
export function isLocalAddress(ip: string): boolean {
  const family = isIP(ip);
  return family !== 0 && LOCAL.check(ip, family === 4 ? 'ipv4' : 'ipv6');
}

/** Why `url` may not be a webhook, from its text alone (an address, or a name for this machine); null when it may. */
export function localWebhookProblem(url: string): string | null {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (isLocalAddress(host) || host === 'localhost' || host.endsWith('.localhost')) {
    return `${host} is this machine or its local link; set WEBHOOK_ALLOW_LOCAL=1 to allow it`;
  }
  return null;
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** A lookup for http.request that fails when the name resolves to a local address: the check is made on the very address connected to. */
export function lookupRefusingLocal(lookup: typeof dnsLookup = dnsLookup) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      const local = addresses.find((a) => isLocalAddress(a.address));
      if (local) return callback(Object.assign(new Error(`${hostname} resolves to ${local.address}, a local address`), { code: 'ELOCALADDRESS' }), []);
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}
