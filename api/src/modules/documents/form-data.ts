import type { Context } from '../../server/context';
import type { PrintLanguage } from './amount-in-words';
import type { CompanyDetails } from './company-details.inputs';
import type { Party, Words } from './form-layout';
import { Product } from '../catalog/product.entity';
import { Unit } from '../catalog/unit.entity';
import type { Counterparty } from '../crm/counterparty.entity';

export interface PrintedProduct {
  sku: string;
  name: string;
  unit: string;
  okeiCode: string | null;
  /** Of one unit, kg; null when not known. */
  weight: string | null;
}

/** The products of the lines with their units, two batched statements whatever the number of lines. */
export async function productsOf(ctx: Context, ids: readonly string[], lang: PrintLanguage): Promise<Map<string, PrintedProduct>> {
  const products = (await ctx.loaders.byId(Product).loadMany([...new Set(ids)])).filter((p): p is Product => !!p && !(p instanceof Error));
  const units = await ctx.loaders.byId(Unit).loadMany([...new Set(products.map((p) => p.unit.id))]);
  const unitById = new Map(units.filter((u): u is Unit => !!u && !(u instanceof Error)).map((u) => [u.id, u]));
  return new Map(
    products.map((p) => {
      const unit = unitById.get(p.unit.id);
      return [p.id, { sku: p.sku, name: p.name, unit: (lang === 'ru' ? unit?.name : unit?.code) ?? '', okeiCode: unit?.okeiCode ?? null, weight: p.weight ?? null }];
    }),
  );
}

/** The company as a party of its own forms: legal name, INN/KPP, address, bank account. */
export function companyParty(company: CompanyDetails, label: Words, lang: PrintLanguage): Party {
  const bank = company.account
    ? lang === 'ru'
      ? `р/с ${company.account} в ${company.bankName ?? ''}, БИК ${company.bik ?? ''}, к/с ${company.correspondentAccount ?? ''}`
      : `account ${company.account} at ${company.bankName ?? ''}, BIC ${company.bik ?? ''}, corr. account ${company.correspondentAccount ?? ''}`
    : null;
  return { label, name: company.legalName ?? '', inn: company.inn, kpp: company.kpp, address: company.address, bank };
}

/** A counterparty as a party: its legal name (or short name), INN/KPP and address. */
export function counterpartyParty(counterparty: Counterparty, label: Words): Party {
  return { label, name: counterparty.fullName ?? counterparty.name, inn: counterparty.inn, kpp: counterparty.kpp, address: counterparty.legalAddress ?? counterparty.actualAddress ?? null };
}
