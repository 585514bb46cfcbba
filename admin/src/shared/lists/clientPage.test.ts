import { clientPage } from './clientPage';

const rows = [
  { id: 'a', qty: '10', name: 'Молоток', warehouse: { name: 'Север' } },
  { id: 'b', qty: '9.5', name: 'Дрель', warehouse: { name: 'Основной' } },
  { id: 'c', qty: '100', name: 'Лестница', warehouse: { name: 'Основной' } },
];

describe('a page of a report read whole', () => {
  it.each([
    ['decimals as numbers, not as text', { field: 'qty', order: 'ASC' as const }, ['b', 'a', 'c']],
    ['descending', { field: 'qty', order: 'DESC' as const }, ['c', 'a', 'b']],
    ['a linked record\'s name, keeping the order of equals', { field: 'warehouse.name', order: 'ASC' as const }, ['b', 'c', 'a']],
    ['Cyrillic names', { field: 'name', order: 'ASC' as const }, ['b', 'c', 'a']],
  ])('sorts %s', (_, sort, ids) => {
    expect(clientPage(rows, { sort }).data.map((r) => r.id)).toEqual(ids);
  });

  it('pages after sorting and counts every row', () => {
    expect(clientPage(rows, { sort: { field: 'qty', order: 'ASC' }, pagination: { page: 2, perPage: 2 } })).toEqual({ data: [rows[2]], total: 3 });
  });
});
