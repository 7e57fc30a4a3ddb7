/** What the link logs through (a Nest Logger fits); never handed the password. */
export interface LinkLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

// A console logger rather than Nest's: libs/smpp stays free of Nest, and @nestjs/common 12 is ESM-only.
export function defaultLinkLogger(carrier: string): LinkLogger {
  const line = (level: string, message: string) => `${new Date().toISOString()} ${level} [CarrierLink:${carrier}] ${message}`;
  return {
    log: (message) => console.log(line('LOG', message)),
    warn: (message) => console.warn(line('WARN', message)),
    error: (message) => console.error(line('ERROR', message)),
  };
}
