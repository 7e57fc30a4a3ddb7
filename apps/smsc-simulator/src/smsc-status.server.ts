import { createServer } from 'node:http';
import { type AddressInfo } from 'node:net';
import { SmscSimulator } from './smsc-simulator';

const MAX_LISTED = 1000;

/** What GET /status shows for one simulator. */
export function simulatorStatus(simulator: SmscSimulator) {
  const perDestination: Record<string, number> = {};
  let listed = 0;
  for (const submit of simulator.received) {
    const seen = perDestination[submit.destination];
    if (seen === undefined && listed++ >= MAX_LISTED) continue;
    perDestination[submit.destination] = (seen ?? 0) + 1;
  }
  return {
    profile: simulator.profile.name,
    port: simulator.port,
    connections: simulator.connectionCount,
    counts: simulator.counts,
    statuses: Object.fromEntries(simulator.statuses),
    perDestination,
    messages: simulator.messages().slice(-MAX_LISTED),
  };
}

/**
 * What GET /messages shows for one simulator: every message and receipt it keeps (up to its record limit), and
 * what the handsets got, for a test that checks a whole campaign from outside the process that sent it.
 */
export function simulatorMessages(simulator: SmscSimulator) {
  return {
    profile: simulator.profile.name,
    messages: simulator.messages(),
    receipts: simulator.receiptsSent,
    handsets: simulator.handsetAudit(),
  };
}

export interface StatusServer {
  port: number;
  close(): Promise<void>;
}

/**
 * A small HTTP/JSON view of the simulators: GET /messages gives each one's messages, receipts and handset audit in
 * full; GET / (or any other path) each one's counts and latest messages.
 */
export async function startStatusServer(simulators: readonly SmscSimulator[], port = 0, host = '127.0.0.1'): Promise<StatusServer> {
  const server = createServer((request, response) => {
    const view: (simulator: SmscSimulator) => object =
      new URL(request.url ?? '/', 'http://simulator').pathname === '/messages' ? simulatorMessages : simulatorStatus;
    const body = JSON.stringify({ simulators: simulators.map(view) });
    response.writeHead(request.method === 'GET' ? 200 : 405, { 'content-type': 'application/json' });
    response.end(request.method === 'GET' ? body : '{"error":"GET only"}');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
