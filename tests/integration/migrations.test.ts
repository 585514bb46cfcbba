import { startTestApp, type TestApp } from '../support/harness';

describe('migrations', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('leave the database exactly as the entities describe it (no change forgotten in a migration)', async () => {
    // given a database built only by the committed migrations
    // when MikroORM compares it with the entities
    const pending = await app.orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false });

    // then there is nothing left to change
    expect(pending.trim()).toBe('');
  });
});
