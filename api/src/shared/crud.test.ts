import { AppError } from './errors';
import { sqlOrderBy } from './crud';
import { SortOrder } from './pagination';

describe('sqlOrderBy', () => {
  const columns = { 'warehouse.name': 'w.name', onHand: 's.on_hand' };

  it('orders by the mapped expressions in the order asked, then by the tie-breakers', () => {
    expect(sqlOrderBy([{ field: 'onHand', order: SortOrder.DESC }, { field: 'warehouse.name', order: SortOrder.ASC }], columns, ['w.code', 'p.sku'])).toBe(
      's.on_hand desc nulls last, w.name asc nulls last, w.code, p.sku',
    );
  });

  it('orders by the tie-breakers alone when no sort is given', () => {
    expect(sqlOrderBy(undefined, columns, ['w.code', 'p.sku'])).toBe('w.code, p.sku');
    expect(sqlOrderBy([], columns, ['w.code'])).toBe('w.code');
  });

  it('refuses a field it cannot sort by, naming the ones it can, and never puts the field into SQL', () => {
    const refusal = (field: string) => {
      try {
        sqlOrderBy([{ field, order: SortOrder.ASC }], columns, ['w.code']);
      } catch (error) {
        return error as AppError;
      }
      throw new Error('not refused');
    };
    const error = refusal('1; drop table stock_balance');
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.details).toMatchObject({ fieldErrors: [{ field: 'sort', reason: 'NOT_SORTABLE', params: { field: '1; drop table stock_balance', allowed: ['warehouse.name', 'onHand'] } }] });
    // an inherited property name is not a column either
    expect(refusal('constructor').details).toMatchObject({ fieldErrors: [{ field: 'sort', reason: 'NOT_SORTABLE' }] });
  });
});
