// The parse options of a plain comma-separated file with a header (missing = '' or NA), for tests
// and fixtures of the engine and the renderer; each overrides the time column and whatever else it
// varies.
import type { ParseOptions } from '../schemas/dataset';

export function parseOptionsFixture({
  timeColumn,
  timeFormat,
  ...overrides
}: Partial<ParseOptions> & Pick<ParseOptions, 'timeColumn' | 'timeFormat'>): ParseOptions {
  return {
    encoding: 'utf-8',
    delimiter: ',',
    quoteChar: '"',
    header: true,
    decimal: '.',
    missingTokens: ['', 'NA'],
    // Keys in the order the sniffer writes them (option objects are compared as JSON).
    timeColumn,
    timeFormat,
    textColumns: [],
    ...overrides,
  };
}
