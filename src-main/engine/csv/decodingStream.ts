// Bytes -> text for the streaming importer: strips a UTF-8 BOM, refuses binary input, decodes UTF-8
// across chunk boundaries (counting invalid sequences and remembering the first offset) or Latin-1.
// A chunk never ends with CR: papaparse, seeing `"...\r` at a chunk end with the LF still to come,
// reports text after a closing quote (a malformed quote) in a well-formed CRLF file.
import { Transform, type TransformCallback } from 'node:stream';
import { CsvImportError } from './csvImportError';
import { binaryReason, checkUtf8, checkUtf8Chunk, hasUtf8Bom, utf16Bom } from './textEncoding';

export class CsvDecodingStream extends Transform {
  invalidCount = 0;
  firstInvalidOffset = -1;
  private offset = 0;
  private pending: Buffer = Buffer.alloc(0);
  private first = true;
  private heldCr = false;
  private readonly decoder = new TextDecoder('utf-8');

  constructor(
    private readonly filePath: string,
    private readonly encoding: 'utf-8' | 'latin1',
  ) {
    // Strings out, one per chunk: papaparse would otherwise split multi-byte characters itself.
    super({ readableObjectMode: true });
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    try {
      let bytes = chunk;
      if (this.first) {
        this.first = false;
        bytes = this.checkStart(chunk);
      }
      this.emitText(bytes, false);
      done();
    } catch (error) {
      done(error instanceof Error ? error : new Error(String(error)));
    }
  }

  override _flush(done: TransformCallback): void {
    this.emitText(Buffer.alloc(0), true);
    if (this.heldCr) this.push('\r');
    done();
  }

  private pushText(decoded: string): void {
    let text = this.heldCr ? `\r${decoded}` : decoded;
    this.heldCr = text.charCodeAt(text.length - 1) === 13;
    if (this.heldCr) text = text.slice(0, -1);
    if (text.length > 0) this.push(text);
  }

  private checkStart(chunk: Buffer): Buffer {
    if (utf16Bom(chunk)) {
      throw new CsvImportError(
        'unsupported-encoding',
        this.filePath,
        'the file is UTF-16; save it as UTF-8 CSV',
      );
    }
    // Stripped for Latin-1 too: a BOM marks the start of text whichever decoder reads the rest.
    const bom = hasUtf8Bom(chunk);
    const body = bom ? chunk.subarray(3) : chunk;
    const head = body.subarray(0, 64 * 1024);
    const why = binaryReason(head, checkUtf8(head, false).invalidCount);
    if (why !== null) {
      throw new CsvImportError('binary-file', this.filePath, `this is not a CSV text file: ${why}`);
    }
    if (bom) this.offset = 3;
    return body;
  }

  private emitText(chunk: Buffer, final: boolean): void {
    if (this.encoding === 'latin1') {
      if (chunk.length > 0) this.pushText(chunk.toString('latin1'));
      return;
    }
    const bytes = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const check = checkUtf8Chunk(bytes, final);
    if (check.invalidCount > 0) {
      if (this.firstInvalidOffset < 0) this.firstInvalidOffset = this.offset + check.firstInvalid;
      this.invalidCount += check.invalidCount;
    }
    const complete = bytes.length - check.incompleteTail;
    this.pending = Buffer.from(bytes.subarray(complete));
    this.offset += complete;
    const text = this.decoder.decode(bytes.subarray(0, complete));
    if (text.length > 0) this.pushText(text);
  }
}
