import { createServer } from 'node:http';
import { Server } from 'socket.io';

// The floor: a bare socket.io server in its own process, nothing between an HTTP trigger and
// the broadcast. `POST /emit` with a call (the same JSON a Dawr display hears) sends it as `call`
// to every socket of /display and answers 204. Connections get a tiny `snapshot`, as in Dawr.
// It tells the parent its port over IPC and ends when the parent goes.

const http = createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/emit') {
    res.writeHead(404).end();
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    display.emit('call', JSON.parse(Buffer.concat(chunks).toString('utf8')));
    res.writeHead(204).end();
  });
});
const io = new Server(http);
const display = io.of('/display');
display.on('connection', (socket) => socket.emit('snapshot', { calls: [], waiting: [] }));

http.listen(0, '127.0.0.1', () => {
  process.send?.({ type: 'listening', port: (http.address() as { port: number }).port });
});
process.on('disconnect', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));
setTimeout(() => process.exit(1), 15 * 60_000).unref();
