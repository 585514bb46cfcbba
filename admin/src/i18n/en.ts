import englishMessages from 'ra-language-english';
import { consoleWords } from './console';
import { fieldErrors, unitQuantityErrors } from './fieldErrors';
import { activityWords } from './activities';
import { clientImportWords } from './clientImport';
import { requisitionWords } from './requisitions';
import { dealWords } from './deals';
import { timelineWords } from './timeline';
import { handoverWords } from './handover';
import { contactPlanWords } from './contactPlans';

/** What every stock document's head, lines and movements are called; each document spreads them into its fields. */
const stockDocumentFields = {
  number: 'Number', date: 'Date', status: 'Status', warehouseId: 'Warehouse', warehouse: 'Warehouse', comment: 'Comment', postedAt: 'Posted',
  lines: 'Lines', product: 'Product', productId: 'Product', quantity: 'Quantity', lineNo: 'Line', sku: 'SKU', productName: 'Name', movements: 'Stock movements', cost: 'Cost',
  unit: 'Unit', available: 'Available', amount: 'Amount', vat: 'VAT', vatRate: 'VAT, %', total: 'Total',
  q: 'Search', dateFrom: 'Dated from', dateTo: 'Dated to', updatedAt: 'Changed',
};

/** Every label the console shows, by resource, field and enum value. */
export const en = {
  ...englishMessages,
  ra: { ...englishMessages.ra, auth: { ...englishMessages.ra.auth, username: 'Email' } },
  tradebook: {
    ...requisitionWords.en.tradebook,
    ...activityWords.en.tradebook,
    ...dealWords.en.tradebook,
    ...timelineWords.en.tradebook,
    ...handoverWords.en.tradebook,
    ...contactPlanWords.en.tradebook,
    ...clientImportWords.en.tradebook,
    ...consoleWords.en,
    fieldErrors: fieldErrors.en,
    unitQuantityErrors: unitQuantityErrors.en,
    title: 'Tradebook',
    forbidden: 'You are not allowed to do this',
    notAllowed: {
      list: 'You are not allowed to open %{name}', create: 'You are not allowed to create records in %{name}', edit: 'You are not allowed to change records in %{name}',
      help: 'Your roles do not give you this right. Ask an administrator if your work needs it.', backToList: 'Back to the list', openReadOnly: 'Open read-only',
    },
    tabs: { general: 'General', requisites: 'Requisites', team: 'Team', crm: 'CRM', contacts: 'Contacts', notes: 'Notes', orders: 'Orders', contracts: 'Contracts', activities: 'Activities', supplierPrices: 'Supplier prices' },
    reminders: { bell: '%{smart_count} reminder due |||| %{smart_count} reminders due', none: 'Nothing to remind of.', due: 'Reminder: %{title}', assigned: '%{assignedByName} gave you: %{subject} (%{clientName})', assignedMany: '%{assignedByName} gave you %{smart_count} activity |||| %{assignedByName} gave you %{smart_count} activities', assignedManyBySeveral: '%{people} colleagues gave you %{smart_count} activities', read: 'Read', snooze10: 'In 10 min', snooze60: 'In an hour', snooze1440: 'Tomorrow' },
    crm: { addContact: 'Add contact', noContacts: 'No contact persons yet.', note: 'Note', addNote: 'Add note', noteAdded: 'Note added' },
    groupTree: 'Product groups',
    allGroups: 'All groups',
    roles: { title: 'Roles and permissions', permission: 'Permission' },
    later: 'Appears here once its module is in place.',
    priceList: {
      post: 'Post', unpost: 'Unpost', cancel: 'Cancel list',
      postDone: 'Price list %{number} posted', unpostDone: 'Price list %{number} is a draft again', cancelDone: 'Price list %{number} cancelled',
      unpostTitle: 'Unpost %{number}?', unpostConfirm: 'Its prices and the lists derived from it are removed; the list becomes a draft.',
      cancelTitle: 'Cancel %{number}?', cancelConfirm: 'A cancelled list cannot be posted again; a posted one loses its prices.',
      import: 'Import CSV', importTitle: 'Import a price list from CSV', importAction: 'Import',
      importSummary: 'Draft %{number}: %{lines} lines imported, %{errors} rows left out',
      openDraft: 'Open the draft', csvFile: 'File', csvHelp: 'A header line, then "SKU;price" per line (comma, semicolon or tab; a decimal comma is fine)',
      rowErrors: 'Rows left out', row: 'Row', reason: 'Reason',
      reprice: 'Reprice group', repriceTitle: 'Reprice a product group', repriceAction: 'Create draft',
      repriced: 'Draft %{number} created with %{lines} lines', percentHelp: '10 raises prices by 10 %, -5 lowers them by 5 %',
      repricedComment: 'Repricing of %{group}: %{change} %, rounded %{rounding}', imported: 'Imported from CSV', importedFrom: 'Imported from %{file}',
      derivedFromList: 'Computed from %{base}: %{code} %{change} %, rounded %{rounding}', derivedFromCost: 'Computed from the average cost of stock: %{change} %, rounded %{rounding}',
      rowReasons: {
        REQUIRED: 'no %{field}', NOT_A_NUMBER: '"%{value}" is not a number', NEGATIVE: 'the price must not be negative', DECIMAL_PLACES: 'the price has more than %{places} decimal places',
        TOO_LARGE: 'the price is too large', REPEATED: 'the SKU is already on row %{line}', NOT_FOUND: 'no product has this SKU',
      },
    },
    goodsReceipt: {
      post: 'Post', unpost: 'Unpost', cancel: 'Cancel receipt',
      postDone: 'Goods receipt %{number} posted', unpostDone: 'Goods receipt %{number} is a draft again', cancelDone: 'Goods receipt %{number} cancelled',
      unpostTitle: 'Unpost %{number}?', unpostConfirm: 'Its lots, stock movements, payable and VAT book rows are removed; the receipt becomes a draft.',
      cancelTitle: 'Cancel %{number}?', cancelConfirm: 'A cancelled receipt cannot be posted again; a posted one loses its register rows.',
    },
    purchaseOrder: {
      post: 'Post', unpost: 'Unpost', cancel: 'Cancel order',
      postDone: 'Purchase order %{number} posted', unpostDone: 'Purchase order %{number} is a draft again', cancelDone: 'Purchase order %{number} cancelled',
      unpostTitle: 'Unpost %{number}?', unpostConfirm: 'Its quantities are no longer on order; the order becomes a draft. Refused while posted receipts stand on it.',
      cancelTitle: 'Cancel %{number}?', cancelConfirm: 'Nothing can be received against a cancelled order, and it cannot be posted again.',
      receive: 'Receive', close: 'Close order', closeDone: 'Purchase order %{number} closed', closeTitle: 'Close %{number}?', closeConfirm: 'What has not come is no longer on order, and nothing more can be received against it.',
      chain: { PurchaseRequisition: 'Requisition', GoodsReceipt: 'Goods receipt', LandedCost: 'Landed cost' },
    },
    order: {
      confirm: 'Confirm', confirmBackorder: 'Confirm with backorders', reserve: 'Reserve', release: 'Release', cancel: 'Cancel order',
      confirmDone: 'Order %{number} confirmed', reserveDone: 'Order %{number} reserved', releaseDone: 'Order %{number} released', cancelDone: 'Order %{number} cancelled',
      confirmBackorderTitle: 'Confirm %{number} with backorders?', confirmBackorderConfirm: 'What stock cannot cover now waits for goods to arrive and is reserved when they come.',
      releaseTitle: 'Release %{number}?', releaseConfirm: 'Everything the order holds reserved becomes free stock; the order stays confirmed.',
      cancelTitle: 'Cancel %{number}?', cancelConfirm: 'A cancelled order releases everything it holds and cannot be confirmed again.',
      ship: 'Ship', invoice: 'Invoice', serviceAct: 'Service act',
      close: 'Close order', closeDone: 'Order %{number} closed', closeTitle: 'Close %{number}?', closeConfirm: 'Nothing more will be shipped: what the order still holds is released and its shipments can no longer be unposted.',
    },
    shipment: {
      post: 'Post', unpost: 'Unpost', cancel: 'Cancel shipment',
      postDone: 'Shipment %{number} posted', unpostDone: 'Shipment %{number} is a draft again', cancelDone: 'Shipment %{number} cancelled',
      unpostTitle: 'Unpost %{number}?', unpostConfirm: 'The goods go back into their lots, the sale, the receivable and the VAT book rows are removed, and the order waits for them again.',
      cancelTitle: 'Cancel %{number}?', cancelConfirm: 'A cancelled shipment cannot be posted again.',
      return: 'Return',
    },
    customerReturn: {
      post: 'Post', unpost: 'Unpost', cancel: 'Cancel return',
      postDone: 'Return %{number} posted', unpostDone: 'Return %{number} is a draft again', cancelDone: 'Return %{number} cancelled',
      unpostTitle: 'Unpost %{number}?', unpostConfirm: 'The goods leave their new lots again and the sale and receivable are as before the return.',
      cancelTitle: 'Cancel %{number}?', cancelConfirm: 'A cancelled return cannot be posted again.',
    },
    serviceAct: {
      post: 'Post', unpost: 'Unpost', cancel: 'Cancel service act',
      postDone: 'Service act %{number} posted', unpostDone: 'Service act %{number} is a draft again', cancelDone: 'Service act %{number} cancelled',
      unpostTitle: 'Unpost %{number}?', unpostConfirm: 'The sale, the receivable and the VAT book rows are removed; the act becomes a draft.',
      cancelTitle: 'Cancel %{number}?', cancelConfirm: 'A cancelled act cannot be posted again.',
    },
    invoice: {
      post: 'Post', unpost: 'Unpost', cancel: 'Cancel invoice',
      postDone: 'Invoice %{number} posted', unpostDone: 'Invoice %{number} is a draft again', cancelDone: 'Invoice %{number} cancelled',
      unpostTitle: 'Unpost %{number}?', unpostConfirm: 'The invoice becomes a draft again.',
      cancelTitle: 'Cancel %{number}?', cancelConfirm: 'A cancelled invoice cannot be posted again.',
    },
    incomingPayment: {
      post: 'Post', unpost: 'Unpost', cancel: 'Cancel payment',
      postDone: 'Payment %{number} posted', unpostDone: 'Payment %{number} is a draft again', cancelDone: 'Payment %{number} cancelled',
      unpostTitle: 'Unpost %{number}?', unpostConfirm: 'What it settled is open again and its advance is gone; the payment becomes a draft.',
      cancelTitle: 'Cancel %{number}?', cancelConfirm: 'A cancelled payment cannot be posted again.',
    },
    outgoingPayment: {
      post: 'Post', unpost: 'Unpost', cancel: 'Cancel payment',
      postDone: 'Supplier payment %{number} posted', unpostDone: 'Supplier payment %{number} is a draft again', cancelDone: 'Supplier payment %{number} cancelled',
      unpostTitle: 'Unpost %{number}?', unpostConfirm: 'What it paid is owed again and its advance is gone; the payment becomes a draft.',
      cancelTitle: 'Cancel %{number}?', cancelConfirm: 'A cancelled payment cannot be posted again.',
    },
    stockTransfer: {
      post: 'Post', unpost: 'Unpost', cancel: 'Cancel transfer',
      postDone: 'Stock transfer %{number} posted', unpostDone: 'Stock transfer %{number} is a draft again', cancelDone: 'Stock transfer %{number} cancelled',
      unpostTitle: 'Unpost %{number}?', unpostConfirm: 'The goods go back to the source warehouse and the lots made at the destination are removed; the transfer becomes a draft.',
      cancelTitle: 'Cancel %{number}?', cancelConfirm: 'A cancelled transfer cannot be posted again; a posted one loses its stock movements.',
    },
    writeOff: {
      post: 'Post', unpost: 'Unpost', cancel: 'Cancel write-off',
      postDone: 'Write-off %{number} posted', unpostDone: 'Write-off %{number} is a draft again', cancelDone: 'Write-off %{number} cancelled',
      unpostTitle: 'Unpost %{number}?', unpostConfirm: 'The goods go back into their lots and the expense is removed; the write-off becomes a draft.',
      cancelTitle: 'Cancel %{number}?', cancelConfirm: 'A cancelled write-off cannot be posted again; a posted one loses its stock movements.',
    },
    stockCount: {
      post: 'Post', unpost: 'Unpost', cancel: 'Cancel count',
      postDone: 'Stock count %{number} posted', unpostDone: 'Stock count %{number} is a draft again', cancelDone: 'Stock count %{number} cancelled',
      unpostTitle: 'Unpost %{number}?', unpostConfirm: 'The shortage goes back into its lots and the surplus lots are removed; the count becomes a draft.',
      cancelTitle: 'Cancel %{number}?', cancelConfirm: 'A cancelled count cannot be posted again; a posted one loses its stock movements.',
    },
    landedCost: {
      post: 'Post', unpost: 'Unpost', cancel: 'Cancel landed cost',
      postDone: 'Landed cost %{number} posted', unpostDone: 'Landed cost %{number} is a draft again', cancelDone: 'Landed cost %{number} cancelled',
      unpostTitle: 'Unpost %{number}?', unpostConfirm: 'Every cost adjustment it made is taken back; the landed cost becomes a draft.',
      cancelTitle: 'Cancel %{number}?', cancelConfirm: 'A cancelled landed cost cannot be posted again; a posted one loses its cost adjustments.',
    },
    priceType: {
      saveRecomputes: 'Saving recomputes the prices of %{types} from %{date}',
      saveRecomputesWithFollowers:
        'Saving recomputes the prices of %{types} (and %{followers} derived from it) from %{date} |||| Saving recomputes the prices of %{types} (and %{followers} derived from them) from %{date}',
      recomputeNote: 'Posts the prices of %{types} from %{date}; earlier price lists stay',
      recomputeNoteWithFollowers: 'Posts the prices of %{types} (and %{followers} derived from it) from %{date}; earlier price lists stay',
      recompute: 'Recompute', recomputeTitle: 'Recompute the prices of %{code}', validFrom: 'Recompute from',
      recomputeDone: '%{code} recomputed from %{date}: %{smart_count} price list posted |||| %{code} recomputed from %{date}: %{smart_count} price lists posted',
    },
    print: { button: 'Print' },
    documents: { line: 'Line %{number}', lineShort: 'line %{number}' },
    errors: {
      INSUFFICIENT_STOCK: 'Not enough %{product} in %{warehouse}: %{requested} requested, %{available} available',
      PERIOD_CLOSED: 'The period is closed through %{closedThrough}: a document dated %{date} can be neither posted nor unposted',
      INVALID_STATE: {
        LOTS_CONSUMED: 'The document cannot be unposted: goods from its lots were taken since by %{consumers}; unpost those first',
        COST_ADJUSTED: 'The document cannot be unposted: a landed cost adjusted its cost (%{adjustedBy}); unpost the landed cost first',
        NO_LINES: 'The document has no lines to post',
        NOT_DERIVED: 'The prices of %{code} are set by hand: only a derived or cost-based price type is recomputed',
        PRICE_TYPE_INACTIVE: 'Price type %{code} is inactive: activate it to recompute its prices',
        NO_BASE_PRICES: 'Nothing to recompute for %{code} from %{date}: its base price type has no prices then or later',
        NO_STOCK: 'Nothing to price: no product is in stock, so there is no cost to compute prices from',
        STATUS_DRAFT: 'The document is a draft: only a posted document can be unposted',
        STATUS_POSTED: 'The document is posted: only a draft can be changed, posted or deleted; unpost it first',
        STATUS_CANCELLED: 'The document is cancelled: it can no longer be changed, posted or cancelled',
      },
      CONFLICT: {
        DATABASE_BUSY: 'The database was busy with other changes at the same moment; try again',
        STALE_VERSION: 'Someone else changed this record meanwhile; reload it and make your changes again',
      },
    },
    stock: { valuationTitle: 'Stock valuation', balancesTitle: 'Stock balances', lotsTitle: 'Lots', lotsLink: 'Lots', chooseProductAndWarehouse: 'Choose a product and a warehouse.' },
    periodClose: {
      title: 'Period close', closedThrough: 'Closed through %{date}', open: 'No period is closed', setBy: 'Set by %{name}, %{at}',
      help: 'Documents dated on or before the closed date can be neither posted nor unposted. Set a later date to close, an earlier one (or none) to reopen.',
      save: 'Save', closed: 'Period closed through %{date}', opened: 'All periods are open',
    },
    apiKeys: {
      createTitle: 'New API key', create: 'Create key', key: 'API key',
      help: "The key lets the client's own server (a web shop, an ERP) use the API without a person's password. It acts as a partner user of the client: it reads that client's record, its prices and what a partner may, nothing more. The server sends it as \"Authorization: Bearer <key>\".",
      created: 'API key "%{name}" created',
      shownOnce: "Copy the key now: it will not be shown again. Keep it in the partner server's secrets; if it is lost, revoke it and create another.",
      copy: 'Copy', copied: 'The key is copied', copyByHand: 'Copying is not allowed here: select the key and copy it by hand', done: 'Done',
      revoke: 'Revoke', revokeTitle: 'Revoke "%{name}"?', revokeConfirm: 'Every server using this key is refused from now on, and its open connections are closed. This cannot be undone: a new key is needed instead.',
      revoked: 'API key "%{name}" revoked',
    },
    companyDetails: { title: 'Company details', help: 'Printed on every form: the company as a party, its bank account, who signs, and the logo, stamp and signatures (PNG or JPEG, at most 256 KB each).', changedBy: 'Changed by %{name} on %{at}', saved: 'Company details saved', choose: 'Choose…', remove: 'Remove', tooLarge: 'The image is larger than 256 KB' },
    pricingSettings: {
      title: 'Pricing settings', role: 'Role', manualCap: 'Manual discount limit, %', totalCap: 'Total discount limit per line, %', belowCost: 'May sell below cost',
      help: 'A user gets the largest limit among their roles. The total limit counts discount rules and the manual discount together (100: no limit): rules are trimmed to it, a manual discount past it is refused.',
      changedBy: 'Changed by %{name}, %{at}', saved: 'Pricing settings saved',
    },
    priceCheck: {
      title: 'Price check', calculate: 'Calculate', heading: '%{client}: price type %{priceType}',
      vatIncluded: 'VAT included in prices', vatOnTop: 'VAT on top of prices', manualCap: 'your manual discount limit',
      promoRecognised: 'Promo code %{code} recognised', promoUnknown: 'Promo code %{code} matches no active rule',
      breakdown: 'Breakdown', totals: 'Totals', product: 'Product', quantity: 'Qty', basePrice: 'Base price', discounts: 'Discounts',
      finalUnitPrice: 'Final price', amount: 'Amount', vat: 'VAT', total: 'Total', validFrom: 'from %{date}', manualDiscount: 'Manual discount', rounding: 'Rounding',
      totalCap: 'your total discount limit', noLimit: 'none', ruleTrimmed: '%{percent} % of its %{rulePercent} %',
      limitedBy_TOTAL_DISCOUNT_CAP: 'limited by your total discount limit', limitedBy_MINIMUM_PRICE: 'limited by the minimum price',
      totals_amountBeforeDiscounts: 'Before discounts', totals_netAmountBeforeDiscounts: 'Before discounts, without VAT (for amount tiers)', totals_discountTotal: 'Discounts', totals_rounding: 'Rounding', totals_amount: 'Amount', totals_vat: 'VAT', totals_total: 'Total',
    },
  },
  enums: {
    ...requisitionWords.en.enums,
    ...activityWords.en.enums,
    ...dealWords.en.enums,
    ...timelineWords.en.enums,
    ...clientImportWords.en.enums,
    ProductKind: { GOODS: 'Goods', SERVICE: 'Service' },
    CounterpartyKind: { COMPANY: 'Company', PERSON: 'Person' },
    CounterpartyRole: { CLIENT: 'Client', SUPPLIER: 'Supplier' },
    Role: {
      ADMIN: 'Administrator', SALES_HEAD: 'Head of sales', SALES_MANAGER: 'Sales manager', WAREHOUSE: 'Warehouse',
      PURCHASING: 'Purchasing', MARKETING: 'Marketing', SERVICE: 'Service', ACCOUNTANT: 'Accountant', PARTNER: 'Partner',
    },
    AuditAction: { CREATE: 'Created', UPDATE: 'Changed', DELETE: 'Deleted' },
    DocumentStatus: { DRAFT: 'Draft', POSTED: 'Posted', CANCELLED: 'Cancelled' },
    ReturnCondition: { RESALEABLE: 'Resaleable', DEFECTIVE: 'Defective' },
    ClientStatus: { LEAD: 'Lead', PROSPECT: 'Prospect', CUSTOMER: 'Customer', LOST: 'Lost' },
    ClientReferenceKind: { REGION: 'Region', INDUSTRY: 'Industry', SEGMENT: 'Segment', LEAD_SOURCE: 'Lead source' },
    ChannelType: { PHONE: 'Phone', MOBILE: 'Mobile', EMAIL: 'Email', TELEGRAM: 'Telegram', WHATSAPP: 'WhatsApp', OTHER: 'Other' },
    PaymentMethod: { BANK: 'Bank', CASH: 'Cash' },
    OrderStatus: { DRAFT: 'Draft', CONFIRMED: 'Confirmed', PARTIALLY_SHIPPED: 'Partly shipped', SHIPPED: 'Shipped', CLOSED: 'Closed', CANCELLED: 'Cancelled' },
    LandedCostMethod: { VALUE: 'By value', QUANTITY: 'By quantity', WEIGHT: 'By weight', MANUAL: 'By hand' },
    CostAdjustmentKind: { LOT: 'Lot on hand', COGS: 'Cost of sales', TRANSFER: 'Transferred goods', EXPENSE: 'Written-off goods' },
    WriteOffReason: { DAMAGE: 'Damage', SHORTAGE: 'Shortage', EXPIRY: 'Expired', OWN_USE: 'Own use', OTHER: 'Other' },
    PriceDerivation: { NONE: 'Set by hand', FROM_PRICE_TYPE: 'From another price type', FROM_COST: 'From cost' },
    PriceRounding: { KOPECK: 'To the kopeck (0.01)', ROUBLE: 'To the rouble (1)', TEN_ROUBLES: 'To ten roubles (10)' },
    PriceListSource: { MANUAL: 'Typed in', IMPORT: 'Imported', REPRICE: 'Repriced', DERIVED: 'Derived' },
    DiscountRuleKind: {
      ORDER_AMOUNT_TIER: 'Order amount tiers', QUANTITY_BREAK: 'Quantity breaks', PRODUCT_GROUP: 'Product group', CLIENT_SEGMENT: 'Client segment',
      PURCHASE_HISTORY: 'Purchase history', PROMO_CODE: 'Promo code',
    },
    DiscountStacking: { COMBINABLE: 'Combinable', EXCLUSIVE: 'Exclusive' },
  },
  resources: {
    ...requisitionWords.en.resources,
    ...activityWords.en.resources,
    ...dealWords.en.resources,
    ...handoverWords.en.resources,
    ...contactPlanWords.en.resources,
    ...clientImportWords.en.resources,
    Product: {
      name: 'Product |||| Products',
      fields: { sku: 'SKU', name: 'Name', description: 'Description', kind: 'Kind', unitId: 'Unit', unit: 'Unit', groupId: 'Group', group: 'Group', vatRate: 'VAT, %', barcode: 'Barcode', weight: 'Weight, kg', active: 'Active', updatedAt: 'Changed', q: 'Search' },
    },
    ProductGroup: { name: 'Product group |||| Product groups', fields: { name: 'Name', parentId: 'Parent group', parent: 'Parent group', path: 'Path', q: 'Search' } },
    Unit: { name: 'Unit |||| Units', fields: { code: 'Code', name: 'Name', okeiCode: 'OKEI code', shortName: 'Short name', precision: 'Decimal places', q: 'Search' } },
    Warehouse: { name: 'Warehouse |||| Warehouses', fields: { code: 'Code', name: 'Name', address: 'Address', allowsNegativeStock: 'Allows negative stock', partnerShipping: 'Ships to partners', active: 'Active', q: 'Search' } },
    Counterparty: {
      name: 'Counterparty |||| Counterparties',
      fields: {
        allowDuplicate: 'Deliberate duplicate',
        status: 'Status', lostReason: 'Why lost', region: 'Region', regionId: 'Region', industry: 'Industry', industryId: 'Industry', segment: 'Segment', segmentId: 'Segment',
        leadSource: 'Lead source', leadSourceId: 'Lead source', tags: 'Tags', tag: 'Tag', website: 'Website',
        name: 'Name', fullName: 'Legal name', kind: 'Kind', roles: 'Roles', role: 'Role', inn: 'INN', kpp: 'KPP', legalAddress: 'Legal address', actualAddress: 'Actual address',
        phone: 'Phone', email: 'Email', ownerId: 'Owner', owner: 'Owner', teamMemberIds: 'Team members', teamMembers: 'Team members', comment: 'Comment', active: 'Active', q: 'Search',
        priceTypeId: 'Price type', priceType: 'Price type',
        'bank.bankName': 'Bank', 'bank.bik': 'BIK', 'bank.account': 'Account', 'bank.correspondentAccount': 'Correspondent account', updatedAt: 'Changed',
      },
      helpers: { allowDuplicate: "allowDuplicate: 'A branch or second entity of a client we have: save despite the same INN, phone or email'", tags: 'Separated by commas: vip, wholesale' },
    },
    ClientReference: {
      name: 'Reference list entry |||| Reference lists',
      fields: { kind: 'List', name: 'Name', defaultPriceTypeId: 'Default price type', defaultPriceType: 'Default price type', active: 'Active', q: 'Search' },
      helpers: { defaultPriceType: "For the segment's clients without a price type of their own" },
    },
    Contact: {
      name: 'Contact |||| Contacts',
      fields: {
        counterpartyId: 'Client', counterparty: 'Client', name: 'Name', position: 'Position', birthday: 'Birthday', channels: 'Channels', type: 'Type', value: 'Value',
        primary: 'Primary', notes: 'Notes', active: 'Active', q: 'Search',
      },
    },
    User: {
      name: 'User |||| Users',
      fields: { email: 'Email', name: 'Name', roles: 'Roles', role: 'Role', team: 'Team', active: 'Active', password: 'Password', counterpartyId: 'Counterparty (partners)', lastLoginAt: 'Last login', q: 'Search' },
    },
    ApiKey: {
      name: 'API key |||| API keys',
      fields: {
        name: 'Name', counterparty: 'Client', counterpartyId: 'Client', prefix: 'Starts with', createdAt: 'Created', createdBy: 'Created by', lastUsedAt: 'Last used',
        revokedAt: 'Revoked', revokedBy: 'Revoked by', revoked: 'Revoked', secretHash: 'Key hash', q: 'Search',
      },
    },
    Role: { name: 'Role |||| Roles' },
    PriceType: {
      name: 'Price type |||| Price types',
      fields: {
        code: 'Code', name: 'Name', vatIncluded: 'VAT included', rounding: 'Rounding', derivation: 'Derivation', basePriceTypeId: 'Base price type', basePriceType: 'Base type',
        adjustmentPercent: 'Adjustment, %', isDefault: 'Default', active: 'Active', q: 'Search', updatedAt: 'Changed', recomputeFrom: 'Recompute from',
      },
      helpers: {
        adjustmentPercent: '-12: 12 % below the net price of the base type; 30: cost + 30 %',
        recomputeFrom: 'The recomputed prices take effect from this day; earlier price lists stay',
      },
    },
    PriceList: {
      name: 'Price list |||| Price lists',
      fields: {
        number: 'Number', date: 'Valid from', status: 'Status', source: 'Source', priceTypeId: 'Price type', priceType: 'Price type', groupId: 'Product group', group: 'Product group',
        comment: 'Comment', postedAt: 'Posted', lines: 'Lines', product: 'Product', productId: 'Product', price: 'Price', lineNo: 'Line', sku: 'SKU', productName: 'Name', unit: 'Unit',
        records: 'Price register rows', validFrom: 'Valid from', derivedPriceLists: 'Derived price lists', basePriceListId: 'Base price list',
        csv: 'Rows (SKU;price)', percent: 'Change, %', rounding: 'Rounding', q: 'Search', dateFrom: 'Dated from', dateTo: 'Dated to', updatedAt: 'Changed',
      },
    },
    PriceListLine: { name: 'Price list line |||| Price list lines' },
    DiscountRule: {
      name: 'Discount rule |||| Discount rules',
      fields: {
        name: 'Name', kind: 'Kind', percent: 'Discount, %', capPercent: 'Cap, %', promoCode: 'Promo code', activeFrom: 'Active from', activeTo: 'Active to', priority: 'Priority',
        stacking: 'Stacking', active: 'Active', tiers: 'Amount tiers', breaks: 'Quantity breaks', days: 'Over the last days', segmentId: 'Client segment', groupId: 'Product group',
        threshold: 'From amount', minQuantity: 'From quantity', stepPercent: 'Discount, %', q: 'Search', activeOn: 'Active on', updatedAt: 'Changed',
      },
      helpers: {
        capPercent: 'The most this rule may give', activeTo: 'Inclusive; empty means open-ended', priority: 'Lower applies first among combinable rules',
        segmentId: 'Client segments arrive with the CRM module',
      },
    },
    PriceCheck: {
      name: 'Price check',
      fields: { clientId: 'Client', date: 'Date', promoCode: 'Promo code', lines: 'Products', product: 'Product', productId: 'Product', quantity: 'Quantity', manualDiscountPercent: 'Manual discount, %' },
    },
    PurchaseOrder: {
      name: 'Purchase order |||| Purchase orders',
      fields: { ...stockDocumentFields, supplierId: 'Supplier', supplier: 'Supplier', expectedDate: 'Expected', paymentDays: 'Payment terms, days', receiptTolerancePercent: 'Over-receipt tolerance, %', closedAt: 'Closed', price: 'Price', vatRate: 'VAT, %', productVatRate: "Product's rate", amount: 'Amount', vat: 'VAT', chain: 'Where a line came from and what came of it', chainDocument: 'Document', priceVariance: 'Price variance' },
    },
    PurchaseControl: {
      name: 'Purchase control',
      fields: { asOf: 'As of', supplierId: 'Supplier', onlyOpen: 'Only open', onlyOverdue: 'Only overdue', orderNumber: 'Order', lineNo: 'Line', product: 'Product', expectedDate: 'Expected', ordered: 'Ordered', received: 'Received', remaining: 'Remaining', overdue: 'Overdue', onTime: 'On time in full', delayDays: 'Delay, days', priceVariance: 'Price variance' },
    },
    SupplierScorecard: {
      name: 'Supplier scorecard',
      fields: { dateFrom: 'Orders from', dateTo: 'Orders to', supplier: 'Supplier', orders: 'Orders', lines: 'Lines', linesOnTimeInFull: 'On time in full', otifPercent: 'OTIF, %', averageDelayDays: 'Average delay, days', priceVariance: 'Price variance' },
    },
    GoodsReceipt: {
      name: 'Goods receipt |||| Goods receipts',
      fields: {
        ...stockDocumentFields, supplierId: 'Supplier', supplier: 'Supplier',
        unitCost: 'Unit cost', vatRate: 'VAT, %', productVatRate: "Product's rate", amount: 'Amount', vat: 'VAT',
      },
    },
    Order: {
      name: 'Order |||| Orders',
      fields: {
        ...stockDocumentFields, clientId: 'Client', client: 'Client', manager: 'Manager', managerId: 'Manager', priceType: 'Price type', promisedDate: 'Promised', paymentTermsDays: 'Payment terms, days',
        promoCode: 'Promo code', confirmedAt: 'Confirmed', manualDiscountPercent: 'Discount, %', basePrice: 'Base price', finalUnitPrice: 'Price', reserved: 'Reserved', reservations: 'Where', backordered: 'Awaited', shipped: 'Shipped', returned: 'Returned', remaining: 'To ship',
      },
    },
    Shipment: { name: 'Shipment |||| Shipments', fields: { ...stockDocumentFields, clientId: 'Client', client: 'Client', price: 'Price', unitPrice: 'Price', discount: 'Discount', vatIncluded: 'VAT in the prices', paymentTermsDays: 'Payment terms, days', order: 'Order' } },
    CustomerReturn: { name: 'Customer return |||| Customer returns', fields: { ...stockDocumentFields, clientId: 'Client', client: 'Client', price: 'Price', unitPrice: 'Price', discount: 'Discount', vatIncluded: 'VAT in the prices', paymentTermsDays: 'Payment terms, days', shipment: 'Shipment', shipmentId: 'Shipment', shipmentLineNo: 'Shipment line', reason: 'Reason', condition: 'Condition', writeOffId: 'Write-off' } },
    ServiceAct: { name: 'Service act |||| Service acts', fields: { ...stockDocumentFields, clientId: 'Client', client: 'Client', price: 'Price', unitPrice: 'Price', discount: 'Discount', vatIncluded: 'VAT in the prices', paymentTermsDays: 'Payment terms, days', dueDate: 'Due' } },
    Invoice: { name: 'Invoice |||| Invoices', fields: { ...stockDocumentFields, clientId: 'Client', client: 'Client', price: 'Price', unitPrice: 'Price', discount: 'Discount', vatIncluded: 'VAT in the prices', paymentTermsDays: 'Payment terms, days', payUntil: 'Pay by' } },
    IncomingPayment: { name: 'Payment |||| Payments', fields: { ...stockDocumentFields, clientId: 'Client', client: 'Client', price: 'Price', unitPrice: 'Price', discount: 'Discount', vatIncluded: 'VAT in the prices', paymentTermsDays: 'Payment terms, days', method: 'Method', advance: 'Advance left', applications: 'Settled', documentType: 'Document' } },
    OutgoingPayment: { name: 'Supplier payment |||| Supplier payments', fields: { ...stockDocumentFields, supplierId: 'Supplier', supplier: 'Supplier', method: 'Method', receiptId: 'Receipt to pay', advance: 'Advance left', applications: 'Settled', documentType: 'Document' } },
    PayablesAgeing: {
      name: 'Payables',
      fields: {
        supplier: 'Supplier', receivable: 'We owe', notDue: 'Not due', overdue1to30: '1–30 days', overdue31to60: '31–60 days', overdue61to90: '61–90 days', overdueOver90: 'Over 90 days', advances: 'Advances paid', balance: 'Balance',
        asOf: 'As of', asOfDay: 'As of %{date}', total: 'Total', reconciliation: 'Reconciliation statement', from: 'From', to: 'To', show: 'Show', date: 'Date', document: 'Document', debit: 'Debit', credit: 'Credit',
        opening: 'Balance at %{date}', closing: 'Balance at %{date}', turnover: 'Turnover',
      },
    },
    ReceivablesAgeing: {
      name: 'Receivables',
      fields: {
        client: 'Client', receivable: 'Owes', notDue: 'Not due', overdue1to30: '1–30 days', overdue31to60: '31–60 days', overdue61to90: '61–90 days', overdueOver90: 'Over 90 days', advances: 'Advances', balance: 'Balance',
        asOf: 'As of', asOfDay: 'As of %{date}', total: 'Total', reconciliation: 'Reconciliation statement', from: 'From', to: 'To', show: 'Show', date: 'Date', document: 'Document', debit: 'Debit', credit: 'Credit',
        opening: 'Balance at %{date}', closing: 'Balance at %{date}', turnover: 'Turnover',
      },
    },
    StockTransfer: {
      name: 'Stock transfer |||| Stock transfers',
      fields: { ...stockDocumentFields, fromWarehouseId: 'From warehouse', fromWarehouse: 'From warehouse', toWarehouseId: 'To warehouse', toWarehouse: 'To warehouse' },
    },
    WriteOff: { name: 'Write-off |||| Write-offs', fields: { ...stockDocumentFields, reason: 'Reason' } },
    StockCount: {
      name: 'Stock count |||| Stock counts',
      fields: {
        ...stockDocumentFields, groupId: 'Product group', groupIdHelp: 'Fill in only the products of this group and the groups below it',
        prefill: 'Fill in the products on the books', prefillHelp: 'A line per product in the warehouse at the end of the date, counted = book',
        bookQuantity: 'Book', countedQuantity: 'Counted', difference: 'Difference', differenceCost: 'Difference cost',
      },
    },
    LandedCost: {
      name: 'Landed cost |||| Landed costs',
      fields: {
        ...stockDocumentFields, supplierId: 'Supplier', supplier: 'Supplier', description: 'Description', amount: 'Amount', amountHelp: 'Without VAT',
        vatRate: 'VAT, %', vat: 'VAT', method: 'Spread', goodsReceiptIds: 'Whole receipts', goodsReceiptIdsHelp: 'Every line of these posted receipts is added',
        goodsReceipt: 'Receipt', goodsReceiptLine: 'Receipt line', chooseReceiptFirst: 'Choose the receipt first', receiptAmount: 'Receipt amount',
        weight: 'Weight, kg', weightHelp: 'Of the whole line; empty: product weight × quantity', manualAmount: 'Manual amount', allocated: 'Allocated',
        adjustments: 'Cost adjustments', kind: 'Kind', targetNumber: 'Document', unitCostDelta: 'Unit cost up by',
      },
    },
    StockBalance: {
      name: 'Stock balance |||| Stock balances',
      fields: {
        warehouseId: 'Warehouse', warehouse: 'Warehouse', productId: 'Product', groupId: 'Product group', onlyNonZero: 'Only non-zero', asOf: 'As of (end of day)',
        sku: 'SKU', productName: 'Name', unit: 'Unit', onHand: 'On hand', reserved: 'Reserved', available: 'Available', averageUnitCost: 'Average cost', cost: 'Value', lots: 'Lots',
      },
    },
    StockLot: {
      name: 'Lot |||| Lots',
      fields: {
        productId: 'Product', warehouseId: 'Warehouse', onlyOpen: 'Only with something left', date: 'Date', recorderType: 'Document', recorderLine: 'Line',
        qtyIn: 'Received', qtyRemaining: 'Remaining', unitCost: 'Unit cost', valueRemaining: 'Value remaining',
      },
    },
    StockValuation: {
      name: 'Stock valuation',
      fields: {
        warehouseId: 'Warehouse', groupId: 'Product group', asOf: 'As of (end of day)', warehouse: 'Warehouse', group: 'Product group', quantity: 'Quantity', value: 'Value',
        noGroup: 'No group', warehouseTotal: 'Total %{warehouse}', total: 'Grand total', atEndOf: 'At the end of %{date}', now: 'Now',
      },
    },
    CompanyDetails: { name: 'Company details', fields: { legalName: 'Legal name', inn: 'INN', kpp: 'KPP', ogrn: 'OGRN', address: 'Legal address', bankName: 'Bank', bik: 'BIC', correspondentAccount: 'Correspondent account', account: 'Settlement account', director: 'Director', chiefAccountant: 'Chief accountant', logo: 'Logo', stamp: 'Stamp', directorSignature: 'Director’s signature', chiefAccountantSignature: 'Chief accountant’s signature' } },
    PricingSettings: { name: 'Pricing settings', fields: { percent: 'Percent', role: 'Role' } },
    PeriodClose: { name: 'Period close', fields: { closedThrough: 'Closed through', through: 'Closed through' } },
    AuditEntry: {
      name: 'Audit entry |||| Audit log',
      fields: { at: 'When', entity: 'Record type', entityId: 'Record', action: 'Action', userId: 'User', user: 'User', changes: 'Changes', from: 'From', to: 'To' },
    },
  },
};
