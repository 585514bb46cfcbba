import type { EntityManager } from '@mikro-orm/postgresql';
import { Product, ProductKind } from '../../modules/catalog/product.entity';
import { ProductGroup } from '../../modules/catalog/product-group.entity';
import { Unit } from '../../modules/catalog/unit.entity';
import { ClientStatus, Counterparty, CounterpartyKind, CounterpartyRole } from '../../modules/crm/counterparty.entity';
import { completeInn } from '../../modules/crm/inn';
import { seedDemoDeals } from './demo-deals.seed';
import { hashPassword } from '../../modules/identity/password';
import { Role } from '../../modules/identity/permissions';
import { User } from '../../modules/identity/user.entity';
import { Warehouse } from '../../modules/inventory/warehouse.entity';
import type { Context } from '../../server/context';
import { priceListType } from '../../modules/pricing/price-list.document';
import { PriceListSource } from '../../modules/pricing/price-list.entity';
import { createDraftPriceList } from '../../modules/pricing/price-list.lines';
import { PriceDerivation, PriceRounding, PriceType } from '../../modules/pricing/price-type.entity';

export const DEMO_PASSWORD = 'tradebook';
export const demoEmail = (role: Role) => `${role.toLowerCase()}@demo.tradebook`;

const NAMES: Record<Role, string> = {
  ADMIN: 'Анна Админова',
  SALES_HEAD: 'Сергей Начальников',
  SALES_MANAGER: 'Мария Продажина',
  WAREHOUSE: 'Виктор Складов',
  PURCHASING: 'Ольга Закупкина',
  MARKETING: 'Дарья Маркетова',
  SERVICE: 'Игорь Сервисов',
  ACCOUNTANT: 'Елена Бухова',
  PARTNER: 'Павел Партнёров',
};

const CATALOG: Record<string, Record<string, [string, string, string, string][]>> = {
  // group → subgroup → [sku, name, unit, vat]
  'Крепёж': {
    'Болты': [['BLT-M6', 'Болт М6×30 оцинк.', 'pcs', '22'], ['BLT-M8', 'Болт М8×40 оцинк.', 'pcs', '22'], ['BLT-M10', 'Болт М10×50 оцинк.', 'pcs', '22'], ['BLT-M12', 'Болт М12×60 оцинк.', 'pcs', '22']],
    'Гайки': [['NUT-M6', 'Гайка М6', 'pcs', '22'], ['NUT-M8', 'Гайка М8', 'pcs', '22'], ['NUT-M10', 'Гайка М10', 'pcs', '22']],
    'Саморезы': [['SCR-35', 'Саморез 3.5×35 по дереву', 'pcs', '22'], ['SCR-42', 'Саморез 4.2×51 по металлу', 'pcs', '22'], ['SCR-KG', 'Саморезы на развес', 'kg', '22']],
  },
  'Инструмент': {
    'Ручной инструмент': [['HMR-500', 'Молоток 500 г', 'pcs', '22'], ['SCD-SET', 'Набор отвёрток 6 шт.', 'pack', '22'], ['TPM-5', 'Рулетка 5 м', 'pcs', '22'], ['PLR-180', 'Пассатижи 180 мм', 'pcs', '22']],
    'Электроинструмент': [['DRL-600', 'Дрель ударная 600 Вт', 'pcs', '22'], ['SCR-DRV', 'Шуруповёрт 18 В', 'pcs', '22'], ['GRN-125', 'УШМ 125 мм', 'pcs', '22'], ['JSW-650', 'Лобзик 650 Вт', 'pcs', '22']],
  },
  'Материалы': {
    'Кабель и провод': [['CBL-VVG3', 'Кабель ВВГнг 3×2.5', 'm', '22'], ['CBL-PVS2', 'Провод ПВС 2×1.5', 'm', '22'], ['TAPE-PVC', 'Изолента ПВХ 19 мм', 'pcs', '22']],
    'Смеси и краски': [['CEM-M500', 'Цемент М500, 50 кг', 'pcs', '22'], ['PNT-WHT', 'Краска белая, 2.5 л', 'pcs', '22'], ['PRM-10', 'Грунтовка, 10 л', 'pcs', '22'], ['SLV-KG', 'Растворитель на розлив', 'l', '22']],
    'Книги и каталоги': [['CAT-2026', 'Каталог продукции 2026 (печатный)', 'pcs', '10'], ['GUIDE-EL', 'Справочник электрика', 'pcs', '10']],
  },
  'Услуги': {
    'Доставка и сервис': [['SRV-DLV', 'Доставка по городу', 'hour', '22'], ['SRV-ASM', 'Сборка и монтаж', 'hour', '22'], ['SRV-CUT', 'Резка материала', 'hour', '22']],
  },
};

const CLIENTS = [
  'СтройМаркет', 'ДомСтрой', 'Профи-Ремонт', 'ЭлектроМир', 'Мастер и К', 'Уралкрепёж', 'Северный дом', 'ТехноСнаб',
  'Гранит', 'Стройдвор', 'Альфа-Монтаж', 'Вектор', 'Кровля Плюс', 'Сибирский двор', 'Новострой', 'Ремонт-Сервис',
];
const PERSON_CLIENTS = ['ИП Иванов Иван Иванович', 'ИП Петрова Анна Сергеевна', 'ИП Смирнов Олег Петрович', 'ИП Кузнецова Ирина Павловна'];
const SUPPLIERS = ['Завод Метиз', 'ИнструментОпт', 'КабельТорг', 'ХимСтрой', 'Логистик-Сервис'];

/**
 * Demo data for `npm start`: one user per role (password "tradebook"), a catalog
 * of ~30 products in a two-level group tree, 3 warehouses, 20 clients and 5 suppliers.
 * `usersOnly` gives tests the logins without the catalog.
 */
export async function seedDemo(em: EntityManager, options: { usersOnly?: boolean } = {}): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const users = new Map<Role, User>();
  for (const role of Object.values(Role)) {
    users.set(role, em.create(User, { email: demoEmail(role), name: NAMES[role], passwordHash, hasDemoPassword: true, roles: [role], team: role.startsWith('SALES') ? 'Москва' : null }));
  }
  const managers = [users.get(Role.SALES_MANAGER)!, users.get(Role.SALES_HEAD)!];

  // The partner's own client record exists even in the users-only seed: a partner must be linked.
  let sequence = 100000;
  const nextInn = (kind: CounterpartyKind) => completeInn(kind === CounterpartyKind.COMPANY ? `77${String(++sequence).padStart(7, '0')}` : `50${String(++sequence).padStart(8, '0')}`);
  const company = (name: string, roles: CounterpartyRole[], owner: User | null) =>
    em.create(Counterparty, { kind: CounterpartyKind.COMPANY, roles, name, fullName: `ООО «${name}»`, inn: nextInn(CounterpartyKind.COMPANY), kpp: '770101001', legalAddress: 'г. Москва', owner, status: ClientStatus.CUSTOMER });
  const partnerClient = company('Дилер Восток', [CounterpartyRole.CLIENT], users.get(Role.SALES_MANAGER)!);
  users.get(Role.PARTNER)!.counterparty = em.getReference(Counterparty, partnerClient.id, { wrapped: true });
  if (options.usersOnly) {
    await em.flush();
    return;
  }

  CLIENTS.forEach((name, i) => {
    const client = company(name, [CounterpartyRole.CLIENT], managers[i % 2]);
    if (i % 4 === 0) client.teamMembers.add(managers[(i + 1) % 2]);
  });
  PERSON_CLIENTS.forEach((name, i) =>
    em.create(Counterparty, { kind: CounterpartyKind.PERSON, roles: [CounterpartyRole.CLIENT], name, inn: nextInn(CounterpartyKind.PERSON), owner: managers[i % 2], status: ClientStatus.CUSTOMER }),
  );
  SUPPLIERS.forEach((name) => company(name, [CounterpartyRole.SUPPLIER], users.get(Role.PURCHASING)!));

  const units = {
    pcs: em.create(Unit, { code: 'pcs', name: 'штука', okeiCode: '796', precision: 0 }),
    kg: em.create(Unit, { code: 'kg', name: 'килограмм', okeiCode: '166', precision: 3 }),
    m: em.create(Unit, { code: 'm', name: 'метр', okeiCode: '006', precision: 2 }),
    l: em.create(Unit, { code: 'l', name: 'литр', okeiCode: '112', precision: 3 }),
    pack: em.create(Unit, { code: 'pack', name: 'упаковка', okeiCode: '778', precision: 0 }),
    hour: em.create(Unit, { code: 'hour', name: 'час', okeiCode: '356', precision: 2 }),
  };
  for (const [groupName, subgroups] of Object.entries(CATALOG)) {
    const group = em.create(ProductGroup, { name: groupName });
    for (const [subName, products] of Object.entries(subgroups)) {
      const sub = em.create(ProductGroup, { name: subName, parent: group });
      for (const [sku, name, unit, vatRate] of products) {
        em.create(Product, {
          sku,
          name,
          unit: units[unit as keyof typeof units],
          group: sub,
          vatRate,
          kind: unit === 'hour' ? ProductKind.SERVICE : ProductKind.GOODS,
          weight: unit === 'pcs' ? '0.250' : null,
        });
      }
    }
  }

  // the partner portals show what MAIN and NORTH have available; the shop sells over the counter only
  em.create(Warehouse, { code: 'MAIN', name: 'Основной склад', address: 'г. Москва, ул. Складская, 1', partnerShipping: true });
  em.create(Warehouse, { code: 'NORTH', name: 'Склад Север', address: 'г. Санкт-Петербург, пр. Промышленный, 12', partnerShipping: true });
  em.create(Warehouse, { code: 'SHOP', name: 'Магазин на Ленинском', address: 'г. Москва, Ленинский пр., 40', allowsNegativeStock: false });
  await em.flush();
  await seedDemoDeals(em);
}

/** Retail prices of the demo goods from 2026-01-01, by SKU (VAT included). */
const RETAIL_PRICES: Record<string, string> = {
  'BLT-M6': '12.50', 'BLT-M8': '18.90', 'BLT-M10': '27.40', 'BLT-M12': '39.90', 'NUT-M6': '3.20', 'NUT-M8': '4.60', 'NUT-M10': '7.10',
  'SCR-35': '1.80', 'SCR-42': '2.40', 'SCR-KG': '389.00', 'HMR-500': '649.00', 'SCD-SET': '1190.00', 'TPM-5': '459.00', 'PLR-180': '789.00',
  'DRL-600': '4990.00', 'SCR-DRV': '6490.00', 'GRN-125': '5290.00', 'JSW-650': '4390.00', 'CBL-VVG3': '96.50', 'CBL-PVS2': '54.30',
  'TAPE-PVC': '79.00', 'CEM-M500': '549.00', 'PNT-WHT': '1290.00', 'PRM-10': '990.00', 'SLV-KG': '219.00', 'CAT-2026': '350.00', 'GUIDE-EL': '690.00',
};

/**
 * Price types RETAIL (the default; VAT included, to the kopeck), WHOLESALE (retail −12 %)
 * and DEALER (retail −20 %, the partner's client's type), both to the rouble; and a
 * RETAIL list of 2026-01-01 for every product of kind GOODS, posted through the ledger
 * engine like any other, so the WHOLESALE and DEALER lists are derived from it. Runs in
 * the caller's transaction, after seedDemo.
 */
export async function seedDemoPrices(ctx: Context): Promise<void> {
  const em = ctx.em;
  const partnerClient = await em.findOneOrFail(Counterparty, { name: 'Дилер Восток' });
  const retail = em.create(PriceType, { code: 'RETAIL', name: 'Розничная', vatIncluded: true, rounding: PriceRounding.KOPECK, isDefault: true });
  await em.flush(); // before the types based on it: one batch would insert them with the base still unset
  const derived = { rounding: PriceRounding.ROUBLE, derivation: PriceDerivation.FROM_PRICE_TYPE, basePriceType: retail };
  em.create(PriceType, { code: 'WHOLESALE', name: 'Оптовая', adjustmentPercent: '-12', ...derived });
  const dealer = em.create(PriceType, { code: 'DEALER', name: 'Дилерская', adjustmentPercent: '-20', ...derived });
  partnerClient.priceType = em.getReference(PriceType, dealer.id, { wrapped: true });
  await em.flush();

  const goods = await em.find(Product, { kind: ProductKind.GOODS }, { orderBy: { sku: 'asc' } });
  const list = await createDraftPriceList(ctx, {
    priceTypeId: retail.id,
    date: '2026-01-01',
    source: PriceListSource.MANUAL,
    comment: 'Розничные цены 2026',
    lines: goods.map((product) => ({ productId: product.id, price: RETAIL_PRICES[product.sku] ?? '100.00' })),
  });
  await ctx.services.ledger.post(ctx, priceListType, list.id);
}

/** The demo company's own details, printed on its forms (issue 15); valid check digits, fictitious numbers. */
export async function seedDemoCompany(ctx: Context): Promise<void> {
  await ctx.services.companyDetails.update(ctx, {
    version: 1,
    legalName: 'ООО «Торговый дом «Пример»',
    inn: '7712345671',
    kpp: '771201001',
    ogrn: '1027700000008',
    address: '125009, г. Москва, ул. Тверская, д. 1',
    bankName: 'ПАО Сбербанк, г. Москва',
    bik: '044525225',
    correspondentAccount: '30101810400000000225',
    account: '40702810938000000001',
    director: 'Иванов И. И.',
    chiefAccountant: 'Петрова А. С.',
  });
}
