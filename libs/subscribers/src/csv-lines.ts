import { StringDecoder } from 'node:string_decoder';
import { Transform, type TransformCallback } from 'node:stream';
import { invalid } from '@loa/common';

/** A run of consecutive lines; `firstLine` is the 1-based file line of `lines[0]`. */
export interface LineBatch {
  firstLine: number;
  lines: string[];
}

/** No field of a subscriber list comes near this; a longer "line" means the file is not such a list. */
const MAX_LINE_CHARS = 64 * 1024;
/** NUL never occurs in text; finding one in the first 8 kB means a binary file (xlsx, zip, image…). */
const SNIFF_BYTES = 8 * 1024;

/**
 * Bytes in, batches of text lines out (one record per line: no field of this format holds a line break,
 * and splitting first means a broken quote costs one line, not the rest of the file). Decodes UTF-8 across
 * chunk boundaries, drops a leading BOM and CR before LF. Holds only the current partial line.
 */
export class CsvLineSplitter extends Transform {
  bytesRead = 0;
  private readonly decoder = new StringDecoder('utf8');
  private pending = '';
  private nextLine = 1;
  private sniffed = false;

  constructor() {
    super({ readableObjectMode: true });
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    try {
      if (!this.sniffed) this.sniff(chunk);
      this.bytesRead += chunk.length;
      this.split(this.decoder.write(chunk), false);
      done();
    } catch (error) {
      done(error as Error);
    }
  }

  override _flush(done: TransformCallback): void {
    try {
      this.split(this.decoder.end(), true);
      done();
    } catch (error) {
      done(error as Error);
    }
  }

  private sniff(chunk: Buffer): void {
    this.sniffed = true;
    if (chunk.subarray(0, SNIFF_BYTES).includes(0)) {
      throw invalid('not a CSV file: it holds binary data (expected UTF-8 text with a header msisdn,carrier,province)', { line: 1 });
    }
  }

  private split(text: string, last: boolean): void {
    let data = this.pending + text;
    if (this.nextLine === 1 && data.charCodeAt(0) === 0xfeff) data = data.slice(1);
    const lines = data.split('\n');
    this.pending = last ? '' : lines.pop()!;
    if (this.pending.length > MAX_LINE_CHARS) {
      throw invalid(`line ${this.nextLine + lines.length} is longer than ${MAX_LINE_CHARS} characters: not a subscriber CSV`, {
        line: this.nextLine + lines.length,
      });
    }
    if (last && lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    if (lines.length === 0) return;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      if (line.endsWith('\r')) lines[i] = line.slice(0, -1);
    }
    this.push({ firstLine: this.nextLine, lines } satisfies LineBatch);
    this.nextLine += lines.length;
  }
}
