import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

// Debian's chromium, installed by .ci/run when missing; playwright-core never downloads a browser of its own.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// The machine's network is closed: without the background-networking flags Chromium keeps dialling out and
// is refused. As root (CI) it only starts without its sandbox.
const CHROMIUM_ARGS = [
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
];

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install Debian's chromium (bash .ci/run does) or set CHROMIUM_PATH`);
  }
  // Loaded here, not at the top: every test file imports @loa/testing, and only the browser ones need it.
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}
