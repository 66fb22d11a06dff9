import { describe, expect, it } from 'vitest';
import { trainingCurvesOption } from '../../shared/charts/trainingCurvesOption';
import { renderChartSvg } from './renderChartSvg';

describe('renderChartSvg', () => {
  it('renders an app chart option to a standalone SVG of the asked size', () => {
    const option = trainingCurvesOption({
      epochs: [
        { epoch: 0, loss: 1, valLoss: 1.2 },
        { epoch: 1, loss: 0.5, valLoss: 0.7 },
      ],
      bestEpoch: 1,
      title: 'Loss <per> epoch',
    });
    const svg = renderChartSvg(option, 420, 260);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('width="420"');
    expect(svg).toContain('height="260"');
    // Legend entries and an escaped title prove the option was applied, not just an empty canvas.
    expect(svg).toContain('validation loss');
    expect(svg).toContain('Loss &lt;per&gt; epoch');
    expect(svg).toMatch(/<path[^>]+d="M[^"]+L/);
  });
});
