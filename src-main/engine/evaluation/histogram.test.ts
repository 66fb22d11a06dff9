import { describe, it, expect } from 'vitest';
import { binCount, histogram, percentile } from './histogram';

const x = Float64Array.from([1, 2, 3, 4, 10, 2.5, 3.3, -1, 0.2, 7.5, 4.4, 3.9]);

describe('histogram', () => {
  it('matches numpy.histogram(x, "fd") (numpy 2.4 output in comments)', () => {
    // edges [-1, 0.8333…, 2.6666…, 4.5, 6.3333…, 8.1666…, 10], counts [2, 3, 5, 0, 1, 1]
    const h = histogram(x, 'fd');
    expect(h.rule).toBe('fd');
    const edges = [
      -1, 0.8333333333333333, 2.6666666666666665, 4.5, 6.333333333333333, 8.166666666666666, 10,
    ];
    edges.forEach((e, i) => expect(h.edges[i]).toBeCloseTo(e, 12));
    expect(Array.from(h.counts)).toEqual([2, 3, 5, 0, 1, 1]);
  });

  it('matches numpy.histogram(x, "sturges")', () => {
    // edges [-1, 1.2, 3.4, 5.6, 7.8, 10], counts [3, 4, 3, 1, 1]
    const h = histogram(x, 'sturges');
    expect(Array.from(h.counts)).toEqual([3, 4, 3, 1, 1]);
    expect(h.edges[2]).toBeCloseTo(3.4, 12);
  });

  it('scales the normal overlay to counts: n·w·φ(z)/sd at the centres', () => {
    const h = histogram(x, 'sturges', 3, 2);
    // first centre 0.1, width 2.2: 12·2.2·exp(−0.5·1.45²)/(2·√(2π))
    const expected = (12 * 2.2 * Math.exp(-0.5 * 1.45 ** 2)) / (2 * Math.sqrt(2 * Math.PI));
    expect(h.centres[0]).toBeCloseTo(0.1, 12);
    expect(h.normalCounts[0]).toBeCloseTo(expected, 10);
  });

  it('falls back to Sturges when the IQR is zero and handles a constant sample', () => {
    const tied = Float64Array.from([0, 0, 0, 0, 0, 0, 0, 5]);
    expect(binCount(tied.slice().sort(), 'fd').rule).toBe('sturges');
    const flat = histogram(Float64Array.from([2, 2, 2]));
    expect(Array.from(flat.edges)).toEqual([1.5, 2.5]);
    expect(Array.from(flat.counts)).toEqual([3]);
  });

  it('percentile interpolates linearly like numpy', () => {
    // np.percentile([1,2,3,4], 25) = 1.75
    expect(percentile(Float64Array.from([1, 2, 3, 4]), 0.25)).toBeCloseTo(1.75, 15);
  });
});
