// Byte-level checks before any CSV parsing: BOMs, UTF-8 validity (with the first bad offset so the
// analyst can find it) and binary detection.
import { isUtf8 } from 'node:buffer';

export interface Utf8Check {
  invalidCount: number;
  /** Offset within the checked bytes of the first invalid sequence, -1 when none. */
  firstInvalid: number;
  /** Bytes at the end that start a sequence the next chunk may complete (0 when final). */
  incompleteTail: number;
}

export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

export function utf16Bom(bytes: Uint8Array): boolean {
  const a = bytes[0];
  const b = bytes[1];
  return (a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff);
}

function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** Second-byte bounds exclude overlong forms, surrogates and code points above U+10FFFF. */
function secondByteOk(lead: number, second: number): boolean {
  if (lead === 0xe0) return second >= 0xa0 && second <= 0xbf;
  if (lead === 0xed) return second >= 0x80 && second <= 0x9f;
  if (lead === 0xf0) return second >= 0x90 && second <= 0xbf;
  if (lead === 0xf4) return second >= 0x80 && second <= 0x8f;
  return second >= 0x80 && second <= 0xbf;
}

/** Strict UTF-8 validation; with final=false a truncated last sequence is reported as a tail. */
export function checkUtf8(bytes: Uint8Array, final: boolean): Utf8Check {
  let invalidCount = 0;
  let firstInvalid = -1;
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const lead = bytes[i] as number;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const len = sequenceLength(lead);
    // `valid` counts the bytes that form a correct prefix of the sequence.
    let valid = len > 0 ? 1 : 0;
    while (valid > 0 && valid < len && i + valid < n) {
      const b = bytes[i + valid] as number;
      if (!(valid === 1 ? secondByteOk(lead, b) : b >= 0x80 && b <= 0xbf)) break;
      valid++;
    }
    if (len > 0 && valid === len) {
      i += len;
      continue;
    }
    if (valid > 0 && i + valid === n && !final)
      return { invalidCount, firstInvalid, incompleteTail: n - i };
    invalidCount++;
    if (firstInvalid < 0) firstInvalid = i;
    // Like the WHATWG decoder: one replacement per maximal valid prefix, resuming at the culprit.
    i += Math.max(1, valid);
  }
  return { invalidCount, firstInvalid, incompleteTail: 0 };
}

/** Fast path for the common all-valid chunk, falling back to the counting validator. */
export function checkUtf8Chunk(bytes: Uint8Array, final: boolean): Utf8Check {
  let cut = bytes.length;
  if (!final) {
    for (let k = 1; k <= 3 && k <= bytes.length; k++) {
      const b = bytes[bytes.length - k] as number;
      if (b >= 0xc0) {
        if (sequenceLength(b) > k) cut = bytes.length - k;
        break;
      }
      if (b < 0x80) break;
    }
  }
  if (isUtf8(bytes.subarray(0, cut))) {
    return { invalidCount: 0, firstInvalid: -1, incompleteTail: bytes.length - cut };
  }
  return checkUtf8(bytes, final);
}

/**
 * Why the bytes are not CSV text, or null. NUL bytes never occur in text files (UTF-16 aside, which
 * is reported separately); many control bytes or a majority of undecodable bytes mean "not text".
 */
export function binaryReason(bytes: Uint8Array, invalidUtf8: number): string | null {
  let controls = 0;
  let high = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    if (b === 0) return `it contains NUL bytes (first at byte ${i})`;
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 13 && b !== 12) controls++;
    if (b >= 0x80) high++;
  }
  if (controls > Math.max(2, bytes.length * 0.01)) {
    return `${controls} of its first ${bytes.length} bytes are control characters`;
  }
  if (high > bytes.length * 0.3 && invalidUtf8 > high * 0.1) {
    return `most of its first ${bytes.length} bytes are not text in any common encoding`;
  }
  return null;
}

/** 1-based line of a byte offset, for pointing at an encoding error. */
export function lineOfOffset(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 10) line++;
  return line;
}

/** The encodings the importer reads. */
export type TextEncodingName = 'utf-8' | 'latin1' | 'windows-1252' | 'utf-16le' | 'utf-16be';

/** Each encoding in words, for messages and the import dialog. */
export const ENCODING_WORDS: Record<TextEncodingName, string> = {
  'utf-8': 'UTF-8',
  latin1: 'Latin-1 (ISO-8859-1)',
  'windows-1252': 'Windows-1252 (Western European)',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
};

/** The UTF-16 byte order the bytes start with, or null. */
export function utf16BomOf(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/**
 * UTF-16 without a byte order mark, told by its NUL bytes: ASCII text in UTF-16 LE has a NUL in
 * every odd byte, in UTF-16 BE in every even byte. Null unless at least 90% of the pairs say so.
 */
export function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const pairs = Math.floor(Math.min(bytes.length, 4096) / 2);
  if (pairs < 2) return null;
  let le = 0;
  let be = 0;
  for (let i = 0; i < pairs; i++) {
    const a = bytes[2 * i] as number;
    const b = bytes[2 * i + 1] as number;
    if (a !== 0 && b === 0) le++;
    else if (a === 0 && b !== 0) be++;
  }
  if (le >= 0.9 * pairs) return 'utf-16le';
  if (be >= 0.9 * pairs) return 'utf-16be';
  return null;
}

/**
 * Windows-1252 at 0x80..0x9F (the WHATWG / Unicode mapping); elsewhere it is Latin-1. The five
 * undefined bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to the C1 control of the same value, as in the
 * WHATWG decoder. Written out because Node's TextDecoder('windows-1252') decodes as Latin-1 (Node 20).
 */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152,
  0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122,
  0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/** Windows-1252 bytes to text (one byte, one character, so any chunk boundary is safe). */
export function decodeWindows1252(bytes: Uint8Array): string {
  const latin = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
  if (!/[\x80-\x9f]/.test(latin)) return latin;
  return latin.replace(/[\x80-\x9f]/g, (c) =>
    String.fromCharCode(CP1252_HIGH[c.charCodeAt(0) - 0x80] as number),
  );
}
