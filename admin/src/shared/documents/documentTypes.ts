/**
 * The documents the console posts, unposts and cancels through the SDK (`PostGoodsReceipt`,
 * `UnpostGoodsReceipt`, `CancelGoodsReceipt`…), each with the permission resource that allows
 * it. A new document type is a line here, its `tradebook.<type>` messages and its screens.
 */
export const DOCUMENT_PERMISSIONS = {
  PriceList: 'priceList',
  GoodsReceipt: 'stockDocument',
  StockTransfer: 'stockDocument',
  WriteOff: 'stockDocument',
  StockCount: 'stockDocument',
  LandedCost: 'stockDocument',
  PurchaseOrder: 'purchaseOrder',
  Shipment: 'shipment',
  CustomerReturn: 'customerReturn',
  ServiceAct: 'serviceAct',
  Invoice: 'invoice',
  IncomingPayment: 'payment',
  OutgoingPayment: 'supplierPayment',
} as const;

export type DocumentType = keyof typeof DOCUMENT_PERMISSIONS;

export interface DocumentRecord {
  id: string;
  number: string;
  status: 'DRAFT' | 'POSTED' | 'CANCELLED';
  /** A type's own fields (a price list's source…) */
  [field: string]: unknown;
}

/** `resources.<type>.fields.<name>`: a field's label where react-admin cannot infer it (lines, nested sources). */
export const fieldLabel = (type: string) => (name: string) => `resources.${type}.fields.${name}`;
