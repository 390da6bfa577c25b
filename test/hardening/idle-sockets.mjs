/* global process, setTimeout, setInterval, clearInterval */
// A client that opens COUNT TCP connections to HOST:PORT and sends nothing on them (issue 15's
// idle-socket attack). Prints one JSON line {opened, closed, failed} every 200 ms; exits on stdin end.
import { connect } from 'node:net';

const [host, port, count] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
let opened = 0;
let closed = 0;
let failed = 0;
const sockets = [];

async function openAll() {
  for (let i = 0; i < count; i++) {
    const socket = connect({ host, port });
    socket.on('connect', () => opened++);
    socket.on('error', () => failed++);
    socket.on('close', () => closed++);
    sockets.push(socket);
    // Paced: a burst of 200 at a time, so the listen backlog is not the thing being measured.
    if (i % 200 === 199) await new Promise((r) => setTimeout(r, 50));
  }
}

const timer = setInterval(
  () => process.stdout.write(`${JSON.stringify({ opened, closed, failed })}\n`),
  200,
);
process.stdin.resume();
process.stdin.on('end', () => {
  clearInterval(timer);
  for (const s of sockets) s.destroy();
  process.exit(0);
});
await openAll();
