// Column naming shared by the sniffer and the importer so both agree on every name.

/** Header cells trimmed; blank names become V<position> and repeats get a _2, _3 suffix. */
export function columnNamesFrom(firstRow: string[], header: boolean): string[] {
  const seen = new Map<string, number>();
  return firstRow.map((raw, j) => {
    const base = header && raw.trim() !== '' ? raw.trim() : `V${j + 1}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}_${n}`;
  });
}

export function renamedColumnsNote(firstRow: string[], names: string[]): string | null {
  const changed = names.filter((name, j) => name !== (firstRow[j] ?? '').trim());
  return changed.length === 0
    ? null
    : `column names made unique or filled in: ${changed.join(', ')}`;
}
