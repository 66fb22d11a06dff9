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
