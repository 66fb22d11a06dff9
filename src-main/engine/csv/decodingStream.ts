// Bytes -> text for the streaming importer: strips a UTF-8 or UTF-16 BOM, refuses binary input,
// decodes UTF-8 across chunk boundaries (counting invalid sequences and remembering the first
// offset), UTF-16 LE/BE (a code unit or surrogate pair split between chunks is kept for the next
// one), Latin-1 or Windows-1252.
// A chunk never ends with CR: papaparse, seeing `"...\r` at a chunk end with the LF still to come,
// reports text after a closing quote (a malformed quote) in a well-formed CRLF file.
import { Transform, type TransformCallback } from 'node:stream';
import { CsvImportError } from './csvImportError';
import {
  ENCODING_WORDS,
  binaryReason,
  checkUtf8,
  checkUtf8Chunk,
  decodeWindows1252,
  hasUtf8Bom,
  utf16BomOf,
  type TextEncodingName,
} from './textEncoding';

/** Bytes needed to tell any byte order mark. */
const BOM_BYTES = 4;

export class CsvDecodingStream extends Transform {
  invalidCount = 0;
  firstInvalidOffset = -1;
  private offset = 0;
  private pending: Buffer = Buffer.alloc(0);
  private first = true;
  /** The first bytes, held until there are enough to tell a byte order mark. */
  private head: Buffer = Buffer.alloc(0);
  private heldCr = false;
  private readonly decoder: InstanceType<typeof TextDecoder>;

  constructor(
    private readonly filePath: string,
    private readonly encoding: TextEncodingName,
  ) {
    // Strings out, one per chunk: papaparse would otherwise split multi-byte characters itself.
    super({ readableObjectMode: true });
    const label = encoding === 'utf-16le' || encoding === 'utf-16be' ? encoding : 'utf-8';
    // The BOM is stripped (and checked) here, not by the decoder.
    this.decoder = new TextDecoder(label, { ignoreBOM: true });
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    try {
      let bytes = chunk;
      if (this.first) {
        this.head = this.head.length === 0 ? chunk : Buffer.concat([this.head, chunk]);
        if (this.head.length < BOM_BYTES) {
          done();
          return;
        }
        this.first = false;
        bytes = this.checkStart(this.head);
        this.head = Buffer.alloc(0);
      }
      this.emitText(bytes, false);
      done();
    } catch (error) {
      done(error instanceof Error ? error : new Error(String(error)));
    }
  }

  override _flush(done: TransformCallback): void {
    try {
      let bytes: Buffer = Buffer.alloc(0);
      if (this.first) {
        this.first = false;
        bytes = this.checkStart(this.head);
      }
      this.emitText(bytes, true);
      if (this.heldCr) this.push('\r');
      done();
    } catch (error) {
      done(error instanceof Error ? error : new Error(String(error)));
    }
  }

  private pushText(decoded: string): void {
    let text = this.heldCr ? `\r${decoded}` : decoded;
    this.heldCr = text.charCodeAt(text.length - 1) === 13;
    if (this.heldCr) text = text.slice(0, -1);
    if (text.length > 0) this.push(text);
  }

  private checkStart(chunk: Buffer): Buffer {
    const bom16 = utf16BomOf(chunk);
    if (this.encoding === 'utf-16le' || this.encoding === 'utf-16be') {
      if (bom16 !== null && bom16 !== this.encoding) {
        throw new CsvImportError(
          'unsupported-encoding',
          this.filePath,
          `the file starts with a ${ENCODING_WORDS[bom16]} byte order mark but ${ENCODING_WORDS[this.encoding]} was chosen; choose ${ENCODING_WORDS[bom16]}`,
        );
      }
      if (bom16 === null) return chunk;
      this.offset = 2;
      return chunk.subarray(2);
    }
    if (bom16 !== null) {
      throw new CsvImportError(
        'unsupported-encoding',
        this.filePath,
        `the file is ${ENCODING_WORDS[bom16]} (it starts with that byte order mark); choose the encoding ${ENCODING_WORDS[bom16]}`,
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
    if (this.encoding === 'windows-1252') {
      if (chunk.length > 0) this.pushText(decodeWindows1252(chunk));
      return;
    }
    if (this.encoding === 'utf-16le' || this.encoding === 'utf-16be') {
      // The decoder keeps an odd byte or a lone high surrogate for the next chunk (stream: true).
      const text = this.decoder.decode(chunk, { stream: !final });
      if (text.length > 0) this.pushText(text);
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
