import type { ComponentType } from 'react';
import type { ResourceProps } from 'react-admin';
import audit from './audit';
import counterparties from './counterparties';
import discountRules from './discountRules';
import goodsReceipts from './goodsReceipts';
import landedCosts from './landedCosts';
import lots from './lots';
import periodClose from './periodClose';
import priceCheck from './priceCheck';
import priceLists from './priceLists';
import priceTypes from './priceTypes';
import productGroups from './productGroups';
import roles from './roles';
import stockBalances from './stockBalances';
import stockCounts from './stockCounts';
import stockTransfers from './stockTransfers';
import stockValuation from './stockValuation';
import products from './products';
import units from './units';
import users from './users';
import warehouses from './warehouses';
import writeOffs from './writeOffs';

/** Every screen of the console; each folder's index says what it offers and which permission opens it. */
export interface ResourceDef {
  name: string;
  list?: ComponentType;
  show?: ComponentType;
  create?: ComponentType;
  edit?: ComponentType;
  icon: ComponentType;
  recordRepresentation?: ResourceProps['recordRepresentation'];
  /** The permission that opens the list, and those that open create and edit. */
  permissions: { read: string; create?: string; edit?: string };
}

export const resources: ResourceDef[] = [counterparties, products, productGroups, units, warehouses, priceTypes, priceLists, discountRules, priceCheck, goodsReceipts, stockTransfers, writeOffs, stockCounts, landedCosts, stockBalances, lots, stockValuation, periodClose, users, roles, audit];
