import { defineModule, type ModuleDefinition } from '../../server/module';
import { READ, Role } from '../identity/permissions';
import { TokenService } from '../identity/token.service';
import { CompanyDetailsResolver } from './company-details.resolver';
import { CompanyDetailsService } from './company-details.service';
import { goodsReceiptPrintable } from './forms/goods-receipt.form';
import { stockTransferPrintable, writeOffPrintable } from './forms/outgoing-stock.forms';
import { priceTypePrintable } from './forms/price-list.form';
import { clientPrintable, supplierPrintable } from './forms/reconciliation.form';
import { customerReturnPrintable, invoicePrintable, orderPrintable, serviceActPrintable, shipmentPrintable } from './forms/sales-documents.forms';
import { stockCountPrintable } from './forms/stock-count.form';
import { PrintRegistry } from './print-form';
import { PrintLinkSigner } from './print-link';
import { PrintResolver } from './print.resolver';
import { PrintService } from './print.service';

export interface DocumentsServices {
  companyDetails: CompanyDetailsService;
  print: PrintService;
}

/** Every type that prints and its forms; sales documents add theirs here. */
const printables = [goodsReceiptPrintable, stockTransferPrintable, writeOffPrintable, stockCountPrintable, priceTypePrintable, orderPrintable, shipmentPrintable, customerReturnPrintable, serviceActPrintable, invoicePrintable, clientPrintable, supplierPrintable];

/** Printed forms (issue 15): the company's own details, PDF (and XLSX) forms per document type, signed print links. */
export const documentsModule: ModuleDefinition<DocumentsServices> = defineModule({
  name: 'documents',
  resolvers: [CompanyDetailsResolver, PrintResolver],
  async services({ orm, config }) {
    // the installation's signing secret (JWT_SECRET or the generated one), a key of its own derived for print links
    const tokens = await TokenService.create(orm.em.fork(), config.JWT_SECRET, config.JWT_TTL);
    return {
      companyDetails: new CompanyDetailsService(),
      print: new PrintService(new PrintRegistry(printables), new PrintLinkSigner(tokens.derivedKey('print-links'))),
    };
  },
  permissions: {
    resources: ['companyDetails'],
    // what the company prints on its documents is no secret to its staff; partners do not read it
    grants: {
      [Role.SALES_HEAD]: { resources: { companyDetails: READ } },
      [Role.SALES_MANAGER]: { resources: { companyDetails: READ } },
      [Role.WAREHOUSE]: { resources: { companyDetails: READ } },
      [Role.PURCHASING]: { resources: { companyDetails: READ } },
      [Role.MARKETING]: { resources: { companyDetails: READ } },
      [Role.SERVICE]: { resources: { companyDetails: READ } },
      [Role.ACCOUNTANT]: { resources: { companyDetails: ['read', 'update'] } },
    },
  },
});
