// HTTP limits of the real openzro-server against hostile clients (issue 12): oversized bodies
// reach the client as 413, trailer floods cannot grow its memory, idle sockets cannot lock
// others out, and nothing a peer sends ends the process.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { test } from 'node:test';
import { api, serverBinary, withServer } from '../server/node/server-process.mjs';

const skip = serverBinary() ? false : 'openzro-server is not built';

// Peak resident memory of the process so far, in bytes.
function peakMemory(pid) {
  const kb = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmHWM:\s+(\d+) kB$/m)[1];
  return Number(kb) * 1024;
}

function openSocket(base) {
  const { hostname, port } = new URL(base);
  return new Promise((ok, fail) => {
    const socket = connect({ host: hostname, port: Number(port) }, () => ok(socket));
    socket.on('error', fail);
  });
}

// Writes `chunks` (generated lazily, so the client holds little) and resolves with what the
// server answered before it closed; write errors are expected once the server has answered.
async function hostileRequest(base, head, chunks) {
  const socket = await openSocket(base);
  let answer = '';
  const closed = new Promise((ok) => {
    socket.on('data', (d) => { answer += d; });
    socket.on('error', () => {});
    socket.on('close', () => ok());
  });
  socket.write(head);
  for (const chunk of chunks()) {
    if (socket.destroyed || socket.writableEnded) break;
    if (!socket.write(chunk)) await new Promise((ok) => { socket.once('drain', ok); socket.once('close', ok); });
  }
  socket.end();
  await closed;
  return answer;
}

const chunkedHead = 'POST /api/users HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n';

test('a trailer field over 64 KiB is refused and the server keeps serving', { skip, timeout: 30000 }, async () => {
  await withServer([], async (server) => {
    const answer = await hostileRequest(server.base, chunkedHead, function* () {
      yield `0\r\nX: ${'a'.repeat(70000)}\r\n\r\n`;
    });
    assert.match(answer, /^HTTP\/1\.1 431 /);
    assert.equal((await api(server, 'GET', '/api/users/current')).status, 200);
  });
});

test('a flood of trailer fields stays within max_connections x (header + body limit)', { skip, timeout: 120000 }, async () => {
  const connections = 8;
  const bodyLimit = 64 * 1024;
  const headerLimit = 16 * 1024;
  await withServer(['--max-connections', String(connections), '--body-limit', String(bodyLimit)], async (server) => {
    assert.equal((await api(server, 'GET', '/api/users/current')).status, 200);
    const before = peakMemory(server.proc.pid);
    const field = `X: ${'t'.repeat(50000)}\r\n`;
    const answers = await Promise.all(Array.from({ length: connections }, () =>
      hostileRequest(server.base, chunkedHead, function* () {
        yield '0\r\n';
        for (let i = 0; i < 250; i++) yield field;  // 12.5 MB of trailers per connection
        yield '\r\n';
      })));
    const grown = peakMemory(server.proc.pid) - before;
    // Per connection: header + body limit plus the read buffer; then a fixed allowance for
    // the allocator and the answers.
    const bound = connections * (headerLimit + bodyLimit + 32 * 1024) + 8 * 1024 * 1024;
    assert.ok(grown < bound, `peak memory grew by ${grown} bytes, bound ${bound}`);
    for (const answer of answers) assert.match(answer, /^HTTP\/1\.1 431 /);
    assert.equal((await api(server, 'GET', '/api/users/current')).status, 200);
  });
});

test('8 MiB bodies get 413 through fetch, every time', { skip, timeout: 60000 }, async () => {
  await withServer([], async (server) => {
    const body = Buffer.alloc(8 * 1024 * 1024, 'x');
    for (let i = 0; i < 9; i++) {
      const res = await fetch(`${server.base}/api/users`, {
        method: 'POST',
        headers: { Authorization: `Token ${server.token}`, 'Content-Type': 'application/json' },
        body,
      });
      assert.equal(res.status, 413, `attempt ${i}`);
      assert.match(await res.text(), /larger than the limit/);
    }
  });
});

test('50 idle sockets do not lock everyone else out', { skip, timeout: 30000 }, async () => {
  await withServer(['--max-connections', '50'], async (server) => {
    const idle = await Promise.all(Array.from({ length: 50 }, () => openSocket(server.base)));
    try {
      for (const socket of idle) socket.on('error', () => {});
      await new Promise((ok) => setTimeout(ok, 200));  // all accepted by the server
      for (let i = 0; i < 5; i++) assert.equal((await api(server, 'GET', '/api/users/current')).status, 200);
    } finally {
      for (const socket of idle) socket.destroy();
    }
  });
});
