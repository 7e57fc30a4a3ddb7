import { HttpException, HttpStatus } from '@nestjs/common';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ImportLimits } from './import-limits';

/**
 * An upload written to a temporary file before the import starts: a slow client then holds a file, not a
 * pooled database connection. `remove()` deletes it (always call it).
 */
export interface SpooledUpload {
  path: string;
  bytes: number;
  remove(): Promise<void>;
}

type SpoolLimits = Pick<ImportLimits, 'maxBytes' | 'minBytesPerSecond' | 'slowUploadCheckMs'>;

/**
 * Writes the request's body to a temporary file. Refused with 413 before a byte is read when the declared
 * Content-Length is over `maxBytes` (or once that many arrived without one), and cut with 408 when fewer than
 * `minBytesPerSecond` arrived on average over a period of `slowUploadCheckMs` (three uploads at 3 bytes/s held
 * every import slot for 300 s). On a refusal the body is left unread; the error filter then closes the connection.
 */
export async function spoolUpload(input: IncomingMessage, limits: SpoolLimits): Promise<SpooledUpload> {
  const declared = declaredLength(input);
  if (declared !== null && declared > limits.maxBytes) throw tooLarge(limits.maxBytes);
  const directory = await mkdtemp(join(tmpdir(), 'loa-upload-'));
  const path = join(directory, 'upload.csv');
  const remove = () => rm(directory, { recursive: true, force: true });
  try {
    const bytes = await copyToFile(input, createWriteStream(path, { mode: 0o600 }), limits);
    return { path, bytes, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}

function declaredLength(input: IncomingMessage): number | null {
  const header = input.headers['content-length'];
  return header !== undefined && /^\d{1,20}$/.test(header) ? Number(header) : null;
}

/**
 * Not `pipeline()`: on an error it destroys the request, and with it the socket, so the client got a reset
 * instead of the 408 or 413 that says why.
 */
function copyToFile(input: IncomingMessage, file: WriteStream, limits: SpoolLimits): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    let bytes = 0;
    let bytesAtLastCheck = 0;
    // A period in which the disk held the upload back says nothing of the client's speed.
    let waitedForDisk = false;
    let settled = false;
    const minimumPerPeriod = (limits.minBytesPerSecond * limits.slowUploadCheckMs) / 1000;
    const slowCheck =
      limits.minBytesPerSecond > 0
        ? setInterval(() => {
            if (!waitedForDisk && bytes - bytesAtLastCheck < minimumPerPeriod) fail(tooSlow(limits));
            bytesAtLastCheck = bytes;
            waitedForDisk = false;
          }, limits.slowUploadCheckMs)
        : undefined;
    const stopReading = () => {
      clearInterval(slowCheck);
      input.off('data', onData);
      input.off('end', onEnd);
      input.off('close', onClosed);
      input.off('error', fail);
      input.pause();
    };
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      stopReading();
      file.destroy();
      reject(error);
    };
    const onData = (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > limits.maxBytes) return fail(tooLarge(limits.maxBytes));
      if (!file.write(chunk)) {
        waitedForDisk = true;
        input.pause();
        file.once('drain', () => settled || input.resume());
      }
    };
    const onEnd = () => {
      stopReading();
      file.end();
    };
    const onClosed = () => fail(new Error('the client closed the connection before the end of the upload'));
    file.on('error', fail);
    file.on('finish', () => {
      if (settled) return;
      settled = true;
      resolve(bytes);
    });
    input.on('data', onData);
    input.on('end', onEnd);
    input.on('close', onClosed);
    input.on('error', fail);
  });
}

function tooLarge(maxBytes: number): HttpException {
  return new HttpException(`the upload is larger than ${maxBytes} bytes`, HttpStatus.PAYLOAD_TOO_LARGE);
}

function tooSlow(limits: SpoolLimits): HttpException {
  return new HttpException(
    `the upload was cut: it sent less than ${limits.minBytesPerSecond} bytes a second over ${limits.slowUploadCheckMs / 1000} s; send the file again on a faster connection`,
    HttpStatus.REQUEST_TIMEOUT,
  );
}
