import { Decimal, roundMoney, sumOf } from '../../shared/money';

/** What the pipeline reads per stage: its deals' count and Σ amount (a stage without deals has no row). */
export interface StageSums {
  count: number;
  amount: string;
}

export interface StageFigures<S> {
  stage: S;
  count: number;
  amount: string;
  weightedAmount: string;
}

/**
 * The pipeline's columns and totals: per stage (in the order given) the count, Σ amount and
 * Σ amount × probability / 100 rounded half up to the kopeck — once per stage, as every deal
 * in it has the same probability; the totals add the columns as shown.
 */
export function pipelineFigures<S extends { id: string; probability: number }>(stages: readonly S[], sums: ReadonlyMap<string, StageSums>) {
  const columns: StageFigures<S>[] = stages.map((stage) => {
    const amount = new Decimal(sums.get(stage.id)?.amount ?? 0);
    return { stage, count: sums.get(stage.id)?.count ?? 0, amount: roundMoney(amount), weightedAmount: roundMoney(amount.mul(stage.probability).div(100)) };
  });
  return {
    stages: columns,
    count: columns.reduce((n, column) => n + column.count, 0),
    amount: roundMoney(sumOf(columns.map((column) => column.amount))),
    weightedAmount: roundMoney(sumOf(columns.map((column) => column.weightedAmount))),
  };
}
