import type { ComponentType } from 'react';
import type { GetListParams, ResourceProps } from 'react-admin';
import activities from './activities';
import agenda from './activities/agenda';
import calendar from './activities/calendar';
import apiKeys from './apiKeys';
import audit from './audit';
import counterparties from './counterparties';
import clientImport from './clientImport';
import clientReferences from './clientReferences';
import contacts from './contacts';
import deals, { dealPipeline, dealStages } from './deals';
import { deputies, handover } from './handover';
import type { Tile } from './dashboard/tiles';
import discountRules from './discountRules';
import goodsReceipts from './goodsReceipts';
import landedCosts from './landedCosts';
import lots from './lots';
import orders from './orders';
import customerReturns from './customerReturns';
import invoices from './invoices';
import payables from './payables';
import payments from './payments';
import receivables from './receivables';
import reorderRules from './reorderRules';
import reorderSuggestions from './reorderSuggestions';
import requisitions from './requisitions';
import serviceActs from './serviceActs';
import shipments from './shipments';
import periodClose from './periodClose';
import pricingSettings from './pricingSettings';
import companyDetails from './companyDetails';
import priceCheck from './priceCheck';
import priceLists from './priceLists';
import priceTypes from './priceTypes';
import productGroups from './productGroups';
import purchaseControl from './purchaseControl';
import purchaseOrders from './purchaseOrders';
import supplierScorecard from './supplierScorecard';
import products from './products';
import roles from './roles';
import stockBalances from './stockBalances';
import stockCounts from './stockCounts';
import stockTransfers from './stockTransfers';
import stockValuation from './stockValuation';
import supplierPayments from './supplierPayments';
import units from './units';
import users from './users';
import warehouses from './warehouses';
import writeOffs from './writeOffs';

/** The menu's groups, in order; a later area puts its screens in one of them (orders in Sales, purchase orders in Purchasing). */
export const MENU_GROUPS = ['sales', 'stock', 'purchasing', 'prices', 'crm', 'settings'] as const;
export type MenuGroup = (typeof MENU_GROUPS)[number];

/** Every screen of the console; each folder's index says what it offers, where it sits in the menu and which permission opens it. */
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
  menu: MenuGroup;
  /** How a screen that is not a record type (a report) reads its rows, loaded with it. */
  dataProvider?: () => Promise<ReportData>;
  /** What the area adds to the dashboard. */
  tiles?: Tile[];
}

/** A report's rows, read its own way: a page of them, with what the report shows beside them (`meta`: its totals). */
export interface ReportData {
  getList: (resource: string, params: GetListParams) => Promise<{ data: { id: string }[]; total: number; meta?: unknown }>;
}

export const resources: ResourceDef[] = [
  orders, shipments, serviceActs, invoices, payments, customerReturns, receivables, priceCheck,
  products, stockBalances, lots, stockValuation, stockTransfers, writeOffs, stockCounts,
  purchaseOrders, purchaseControl, supplierScorecard, goodsReceipts, landedCosts, supplierPayments, payables,
  requisitions, reorderSuggestions, reorderRules,
  priceTypes, priceLists, discountRules,
  counterparties, contacts, activities, agenda, calendar, dealPipeline, deals, clientReferences, dealStages, clientImport, handover, deputies,
  warehouses, productGroups, units, periodClose, pricingSettings, companyDetails, users, apiKeys, roles, audit,
];
