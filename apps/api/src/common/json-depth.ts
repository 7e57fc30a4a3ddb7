/** Deeper JSON is no request Loa defines; 10,000 levels overflowed the stack of the text check (a 500). */
export const MAX_JSON_DEPTH = 16;

/**
 * body-parser `verify` hook: refuses JSON nested deeper than MAX_JSON_DEPTH before it is parsed, on every
 * route (also those that ignore their body). One pass over the bytes, brackets inside strings not counted.
 */
export function refuseDeepJson(_request: unknown, _response: unknown, buffer: Buffer): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < buffer.length; i++) {
    const byte = buffer[i];
    if (inString) {
      if (byte === 0x5c)
        i++; // backslash: skip the escaped character
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) inString = true;
    else if (byte === 0x5b || byte === 0x7b) {
      if (++depth > MAX_JSON_DEPTH)
        throw Object.assign(new Error(`JSON nested deeper than ${MAX_JSON_DEPTH} levels`), { status: 400, type: 'entity.too.deep' });
    } else if (byte === 0x5d || byte === 0x7d) depth--;
  }
}
