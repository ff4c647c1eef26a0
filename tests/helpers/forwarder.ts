import { connect, createServer, type Socket } from 'node:net';

// A hall's WAN link to the city, on loopback: a TCP forwarder in front of the city's port whose
// mode a test switches at run time.
//   pass       bytes flow both ways.
//   blackhole  the link is cut and packets vanish: connections are accepted and kept, nothing
//              moves in either direction; what was sent waits, as TCP would retransmit it, and
//              flows once the link is back (unless an end gave up and closed first).
//   reset      every connection is reset (RST) at once, and so is every new one.

export type LinkMode = 'pass' | 'blackhole' | 'reset';

export interface LinkCounts {
  /** Connections accepted since the start. */
  connections: number;
  /** Connections open now. */
  open: number;
  /** Bytes delivered to the target and back. */
  bytesUp: number;
  bytesDown: number;
}

export interface Forwarder {
  port: number;
  /** http://127.0.0.1:<port> */
  url: string;
  readonly mode: LinkMode;
  set(mode: LinkMode): void;
  counts(): LinkCounts;
  close(): Promise<void>;
}

interface Link {
  client: Socket;
  /** Made once the link passes: a connection accepted during a cut reaches the target after it. */
  target?: Socket;
}

export async function startForwarder(targetPort: number, targetHost = '127.0.0.1'): Promise<Forwarder> {
  let mode: LinkMode = 'pass';
  const links = new Set<Link>();
  const counts = { connections: 0, bytesUp: 0, bytesDown: 0 };

  const drop = (link: Link) => {
    links.delete(link);
    link.client.destroy();
    link.target?.destroy();
  };
  const reset = (link: Link) => {
    links.delete(link);
    link.client.resetAndDestroy();
    link.target?.resetAndDestroy();
  };

  function flow(link: Link) {
    if (!link.target) {
      const target = connect({ port: targetPort, host: targetHost, allowHalfOpen: true });
      link.target = target;
      target.on('data', (chunk: Buffer) => {
        counts.bytesDown += chunk.length;
        if (!link.client.write(chunk)) target.pause();
      });
      link.client.on('drain', () => mode === 'pass' && target.resume());
      target.on('drain', () => mode === 'pass' && link.client.resume());
      target.on('end', () => link.client.end());
      target.on('error', () => reset(link));
      target.on('close', () => drop(link));
    }
    link.client.resume();
    link.target.resume();
  }

  const server = createServer({ allowHalfOpen: true, pauseOnConnect: true }, (client) => {
    counts.connections++;
    if (mode === 'reset') {
      client.resetAndDestroy();
      return;
    }
    const link: Link = { client };
    links.add(link);
    client.on('data', (chunk: Buffer) => {
      counts.bytesUp += chunk.length;
      if (!link.target!.write(chunk)) client.pause();
    });
    client.on('end', () => link.target?.end());
    client.on('error', () => reset(link));
    client.on('close', () => drop(link));
    if (mode === 'pass') flow(link);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as { port: number };

  return {
    port,
    url: `http://127.0.0.1:${port}`,
    get mode() {
      return mode;
    },
    set(next) {
      mode = next;
      for (const link of [...links]) {
        if (next === 'pass') flow(link);
        else if (next === 'reset') reset(link);
        else {
          link.client.pause();
          link.target?.pause();
        }
      }
    },
    counts: () => ({ ...counts, open: links.size }),
    async close() {
      for (const link of [...links]) drop(link);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
