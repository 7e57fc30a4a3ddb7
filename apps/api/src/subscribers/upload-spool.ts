import { HttpException, HttpStatus } from '@nestjs/common';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * An upload written to a temporary file before the import starts: a slow client then holds a file, not a
 * pooled database connection. `remove()` deletes it (always call it).
 */
export interface SpooledUpload {
  path: string;
  bytes: number;
  remove(): Promise<void>;
}

export async function spoolUpload(input: Readable, maxBytes: number): Promise<SpooledUpload> {
  const directory = await mkdtemp(join(tmpdir(), 'loa-upload-'));
  const path = join(directory, 'upload.csv');
  const remove = () => rm(directory, { recursive: true, force: true });
  let bytes = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      if (bytes > maxBytes) done(new HttpException(`the upload is larger than ${maxBytes} bytes`, HttpStatus.PAYLOAD_TOO_LARGE));
      else done(null, chunk);
    },
  });
  try {
    await pipeline(input, limit, createWriteStream(path, { mode: 0o600 }));
  } catch (error) {
    await remove();
    input.resume();
    throw error;
  }
  return { path, bytes, remove };
}
