import { pipelineFigures } from './pipeline-figures';

const stage = (id: string, probability: number) => ({ id, probability });

describe('pipelineFigures', () => {
  it.each([
    // [probability, Σ amount, weighted]
    [10, '100000', '10000.00'],
    [30, '250000.50', '75000.15'],
    [60, '40000', '24000.00'],
    [33, '0.05', '0.02'], // 0.0165 → 0.02 (half up)
    [50, '0.01', '0.01'], // 0.005 → 0.01 (half up, never to even)
    [0, '310000', '0.00'],
    [100, '150000.00', '150000.00'],
  ])('weighs %i %% of %s as %s', (probability, amount, weighted) => {
    const figures = pipelineFigures([stage('s', probability)], new Map([['s', { count: 1, amount }]]));
    expect(figures.stages[0].weightedAmount).toBe(weighted);
  });

  it('keeps the stages in order, an empty stage at zero, and adds the columns into the totals', () => {
    const figures = pipelineFigures(
      [stage('q', 10), stage('p', 30), stage('n', 60), stage('won', 100)],
      new Map([['q', { count: 1, amount: '100000.0000' }], ['p', { count: 1, amount: '250000.5000' }], ['n', { count: 1, amount: '40000.0000' }]]),
    );
    expect(figures.stages.map((s) => [s.stage.id, s.count, s.amount, s.weightedAmount])).toEqual([
      ['q', 1, '100000.00', '10000.00'],
      ['p', 1, '250000.50', '75000.15'],
      ['n', 1, '40000.00', '24000.00'],
      ['won', 0, '0.00', '0.00'],
    ]);
    expect(figures).toMatchObject({ count: 3, amount: '390000.50', weightedAmount: '109000.15' });
  });
});
