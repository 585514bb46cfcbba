import { screenAccess } from './screenAccess';

const Screen = () => null;
const document = { show: Screen, create: Screen, edit: Screen, permissions: { read: 'stockDocument:read', create: 'stockDocument:create', edit: 'stockDocument:update' } };
const product = { create: Screen, edit: Screen, permissions: { read: 'product:read', create: 'product:create', edit: 'product:update' } };
const report = { permissions: { read: 'stock:read' } };
const granted = (...permissions: string[]) => (permission: string) => permissions.includes(permission);

describe('which create and edit screens a user may open', () => {
  it.each([
    ['a user with create and update opens both forms of a document', document, granted('stockDocument:create', 'stockDocument:update'), { create: true, edit: true, refused: [] }],
    ['a reader of documents is refused both forms; the show view stays theirs', document, granted(), { create: false, edit: false, refused: ['create', 'edit'] }],
    ['a user who may update but not create products is refused the create form', product, granted('product:update'), { create: false, edit: true, refused: ['create'] }],
    ['a reader of products still opens the edit form, read-only, for want of a show view', product, granted(), { create: false, edit: true, refused: ['create'] }],
    ['a report without forms refuses none', report, granted(), { create: false, edit: false, refused: [] }],
  ])('%s', (_, resource, can, expected) => {
    expect(screenAccess(resource, can)).toEqual(expected);
  });
});
