import { ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { type BenchFigure, type Benchmark } from '@loa/bench';
import { loadDefaults } from '@loa/config';
import { CarrierLink, newPdu, type SmppAccountConfig, type SmppPdu, smppPackage } from '@loa/smpp';

const MESSAGES = 100_000;
const RAW_WINDOW = 1000;
// Compiled layout: dist/apps/cli/src/, dist/apps/smsc-simulator/src/ and dist/libs/smpp/src/ side by side.
export const SIMULATOR_ENTRY = join(__dirname, '../../smsc-simulator/src/bench-smsc.bench-entry.js');
const RAW_ENTRY = join(__dirname, '../../../libs/smpp/src/raw-smsc.bench-entry.js');
const TEXT = Buffer.from('Canh bao lua dao qua mang: khong cung cap ma OTP');

export async function startChild(entry: string): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(entry, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`${entry} exited with ${code} before listening`)));
    child.on('message', (message: { port?: number }) => message.port && resolve(message.port));
  });
  return { child, port };
}

/** Asks a child to stop (over IPC, or with `signal`), killing it after 3 s. */
export async function stopChild(child: ChildProcess, signal?: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  if (signal) child.kill(signal);
  else child.send({ stop: true });
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(timer);
}

/** The account the benchmarks bind with to the simulator (bench-smsc.bench-entry.ts), over loopback. */
export function benchLinkConfig(port: number, sizing: Pick<SmppAccountConfig, 'binds' | 'tps' | 'window'>): SmppAccountConfig {
  return {
    id: 'viettel',
    host: '127.0.0.1',
    systemId: 'bench',
    password: 'bench',
    systemType: '',
    bindMode: 'transceiver',
    sourceAddr: 'CONGAN',
    sourceTon: 5,
    sourceNpi: 0,
    destTon: 1,
    destNpi: 1,
    concat: 'udh8',
    resendParts: 'missing',
    gsmCoding: 'gsm0338',
    dlrIdFormat: 'same',
    ...loadDefaults().carriers,
    port,
    ...sizing,
  };
}

/** Loa's link: 4 binds, no TPS limit in the way, N single-segment messages until every receipt is in. */
async function linkThroughput(): Promise<{ rate: number; seconds: number; accepted: number }> {
  const { child, port } = await startChild(SIMULATOR_ENTRY);
  const silent = { log: () => undefined, warn: () => undefined, error: (line: string) => console.error(line) };
  const link = new CarrierLink(benchLinkConfig(port, { binds: 4, tps: 200_000, window: 500 }), { ...loadDefaults().link, logger: silent });
  let receipts = 0;
  let allReceipts!: () => void;
  const receiptsDone = new Promise<void>((resolve) => (allReceipts = resolve));
  link.onReceipt(async () => void (++receipts === MESSAGES && allReceipts()));
  try {
    await link.start();
    const started = process.hrtime.bigint();
    const text = TEXT.toString('latin1');
    const outcomes = await Promise.all(
      Array.from({ length: MESSAGES }, (_, index) => link.submit({ destination: String(84_900_000_000 + index), text, encoding: 'gsm7' })),
    );
    await receiptsDone;
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return { rate: MESSAGES / seconds, seconds, accepted: outcomes.filter((outcome) => outcome.kind === 'accepted').length };
  } finally {
    await link.stop();
    await stopChild(child);
  }
}

/** The bare package: one session, a fixed window of pipelined submit_sm, receipts answered. */
export async function rawThroughput(): Promise<{ rate: number; seconds: number }> {
  const { child, port } = await startChild(RAW_ENTRY);
  const session = smppPackage.connect({ host: '127.0.0.1', port });
  try {
    await new Promise((resolve) => session.once('connect', resolve));
    let sent = 0;
    let responses = 0;
    let receipts = 0;
    let done!: () => void;
    const finished = new Promise<void>((resolve) => (done = resolve));
    const sendOne = () => {
      sent++;
      session.send(
        newPdu('submit_sm', {
          destination_addr: String(84_900_000_000 + sent),
          source_addr: 'CONGAN',
          registered_delivery: 1,
          data_coding: 0,
          short_message: TEXT,
        }),
      );
    };
    session.on('pdu', (pdu: SmppPdu) => {
      if (pdu.command === 'submit_sm_resp') {
        responses++;
        if (sent < MESSAGES) sendOne();
      } else if (pdu.command === 'deliver_sm') {
        receipts++;
        session.send(pdu.response());
      }
      if (responses === MESSAGES && receipts === MESSAGES) done();
    });
    session.send(newPdu('bind_transceiver', { system_id: 'bench', password: 'bench', interface_version: 0x34 }));
    await new Promise((resolve) => session.once('bind_transceiver_resp', resolve));
    const started = process.hrtime.bigint();
    for (let index = 0; index < RAW_WINDOW; index++) sendOne();
    await finished;
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return { rate: MESSAGES / seconds, seconds };
  } finally {
    session.destroy();
    await stopChild(child);
  }
}

export const smppBenchmarks: Benchmark[] = [
  {
    name: 'smpp.link-throughput',
    description: `${MESSAGES.toLocaleString('en')} single-segment messages through one CarrierLink (4 binds) to the simulator in another process, with every response and receipt; and the bare smpp package's ceiling in the same run`,
    run: async (): Promise<BenchFigure[]> => {
      const link = await linkThroughput();
      const raw = await rawThroughput();
      return [
        {
          name: 'smpp.link submit+response+receipt',
          value: Math.round(link.rate),
          unit: 'messages/s',
          budget: 10_000,
          better: 'higher',
          note: `${MESSAGES} in ${link.seconds.toFixed(2)} s, ${link.accepted} accepted`,
        },
        {
          name: 'smpp.raw package ceiling',
          value: Math.round(raw.rate),
          unit: 'messages/s',
          note: `bare client/server pair, window ${RAW_WINDOW}, ${MESSAGES} in ${raw.seconds.toFixed(2)} s`,
        },
        { name: 'smpp.link / raw', value: Number((link.rate / raw.rate).toFixed(2)), unit: 'ratio' },
      ];
    },
  },
];
