import type { TradebookClient } from '@tradebook/client';
import { Role, startTestApp, type TestApp } from './harness';

export interface StockWorld {
  app: TestApp;
  admin: TradebookClient;
  /** The unit "pcs". */
  pcs: string;
  /** A counterparty with the SUPPLIER role. */
  supplier: string;
  w1: string;
  w2: string;
}

/** A test app with what every stock test starts from: an admin, a unit, a supplier and two warehouses W1 and W2. */
export async function startStockWorld(): Promise<StockWorld> {
  const app = await startTestApp();
  const admin = await app.as(Role.ADMIN);
  const pcs = (await admin.CreateUnit({ input: { code: 'pcs', name: 'штука' } })).createUnit.id;
  const supplier = (await admin.CreateCounterparty({ input: { name: 'Поставщик', roles: ['SUPPLIER'] } })).createCounterparty.id;
  const w1 = (await admin.CreateWarehouse({ input: { code: 'W1', name: 'Основной' } })).createWarehouse.id;
  const w2 = (await admin.CreateWarehouse({ input: { code: 'W2', name: 'Филиал' } })).createWarehouse.id;
  return { app, admin, pcs, supplier, w1, w2 };
}
