// What the fast path hands the TableBuilder for one record, without cutting out cell strings.

/** A field the fast path reads as a plain decimal while scanning (see TableBuilder.fieldRoles). */
export const FIELD_PLAIN_NUMBER = 1;

/** One record: field j is text[starts[j], ends[j]); where parsed[j] is 1, values[j] is its number. */
export interface ParsedRecord {
  text: string;
  fields: number;
  starts: Int32Array;
  ends: Int32Array;
  values: Float64Array;
  parsed: Uint8Array;
}
