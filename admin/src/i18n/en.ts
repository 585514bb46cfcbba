import englishMessages from 'ra-language-english';

/** Every label the console shows, by resource, field and enum value. */
export const en = {
  ...englishMessages,
  tradebook: {
    title: 'Tradebook',
    dashboard: { welcome: 'Welcome, %{name}', subtitle: 'Back office for sales, stock and purchasing', shortcuts: 'Shortcuts', roles: 'Your roles: %{roles}' },
    forbidden: 'You are not allowed to do this',
    tabs: { general: 'General', requisites: 'Requisites', team: 'Team', orders: 'Orders', contracts: 'Contracts', activities: 'Activities' },
    groupTree: 'Product groups',
    allGroups: 'All groups',
    roles: { title: 'Roles and permissions', permission: 'Permission' },
    later: 'Appears here once its module is in place.',
  },
  enums: {
    ProductKind: { GOODS: 'Goods', SERVICE: 'Service' },
    CounterpartyKind: { COMPANY: 'Company', PERSON: 'Person' },
    CounterpartyRole: { CLIENT: 'Client', SUPPLIER: 'Supplier' },
    Role: {
      ADMIN: 'Administrator', SALES_HEAD: 'Head of sales', SALES_MANAGER: 'Sales manager', WAREHOUSE: 'Warehouse',
      PURCHASING: 'Purchasing', MARKETING: 'Marketing', SERVICE: 'Service', ACCOUNTANT: 'Accountant', PARTNER: 'Partner',
    },
    AuditAction: { CREATE: 'Created', UPDATE: 'Changed', DELETE: 'Deleted' },
  },
  resources: {
    Product: {
      name: 'Product |||| Products',
      fields: { sku: 'SKU', name: 'Name', description: 'Description', kind: 'Kind', unitId: 'Unit', unit: 'Unit', groupId: 'Group', group: 'Group', vatRate: 'VAT, %', barcode: 'Barcode', weight: 'Weight, kg', active: 'Active', updatedAt: 'Changed', q: 'Search' },
    },
    ProductGroup: { name: 'Product group |||| Product groups', fields: { name: 'Name', parentId: 'Parent group', parent: 'Parent group', path: 'Path', q: 'Search' } },
    Unit: { name: 'Unit |||| Units', fields: { code: 'Code', name: 'Name', okeiCode: 'OKEI code', precision: 'Decimal places', q: 'Search' } },
    Warehouse: { name: 'Warehouse |||| Warehouses', fields: { code: 'Code', name: 'Name', address: 'Address', allowsNegativeStock: 'Allows negative stock', active: 'Active', q: 'Search' } },
    Counterparty: {
      name: 'Counterparty |||| Counterparties',
      fields: {
        name: 'Name', fullName: 'Legal name', kind: 'Kind', roles: 'Roles', role: 'Role', inn: 'INN', kpp: 'KPP', legalAddress: 'Legal address', actualAddress: 'Actual address',
        phone: 'Phone', email: 'Email', ownerId: 'Owner', owner: 'Owner', teamMemberIds: 'Team members', comment: 'Comment', active: 'Active', q: 'Search',
        'bank.bankName': 'Bank', 'bank.bik': 'BIK', 'bank.account': 'Account', 'bank.correspondentAccount': 'Correspondent account', updatedAt: 'Changed',
      },
    },
    User: {
      name: 'User |||| Users',
      fields: { email: 'Email', name: 'Name', roles: 'Roles', role: 'Role', team: 'Team', active: 'Active', password: 'Password', counterpartyId: 'Counterparty (partners)', lastLoginAt: 'Last login', q: 'Search' },
    },
    Role: { name: 'Role |||| Roles' },
    AuditEntry: {
      name: 'Audit entry |||| Audit log',
      fields: { at: 'When', entity: 'Record type', entityId: 'Record', action: 'Action', userId: 'User', user: 'User', changes: 'Changes', from: 'From', to: 'To' },
    },
  },
};
