import { Decimal } from '../../shared/money';
import type { Context } from '../../server/context';
import { isUuid } from '../../shared/crud';
import { AppError, badInput, ErrorCode, notFound } from '../../shared/errors';
import { decimalPlaces, FieldReason, noSuch, problem, type FieldMessages } from '../../shared/field-errors';
import { Product } from '../catalog/product.entity';
import { Counterparty, CounterpartyRole } from '../crm/counterparty.entity';
import { percentProblem, samePromoCode, toCalculatorRule } from './discount-rule.conditions';
import { DiscountRuleKind, type DiscountRule } from './discount-rule.entity';
import { calculateQuote } from './price-calculator';
import type { QuoteError, QuoteLineInput as CalculatorLine } from './price-calculator.types';
import { effectivePrices } from './price.service';
import { PriceRounding, PriceType, ROUNDING_STEP } from './price-type.entity';
import { priceTypeOfClient } from './price-type.service';
import type { Quote, QuoteInput, RuleLimit } from './quote.inputs';

const QUANTITY_PLACES = 3;

const invalid = (fields: FieldMessages, details: Record<string, unknown> = {}) => badInput(fields, undefined, details);

/**
 * `quote` (issue 5, item 6): gathers what the pure price calculator needs — the client
 * (through the counterparty service, so record rules apply), its price type, the
 * products with their group chains, the prices effective on the date, the rules active
 * on it and the caller's limits — runs calculateQuote and returns its breakdown.
 * Reads only; nothing is stored (the order-to-cash issue stores a quote on its lines).
 */
export class QuoteService {
  async quote(ctx: Context, input: QuoteInput): Promise<Quote> {
    this.checkLines(input);

    // a client the caller may not see (another manager's; for a partner, anyone but itself) does not exist for them
    const client = await ctx.services.counterparties.get(ctx, input.clientId);
    if (!client) throw notFound(Counterparty.name, input.clientId);
    if (!client.roles.includes(CounterpartyRole.CLIENT)) throw badInput({ clientId: problem(FieldReason.NOT_A_CLIENT, `${client.name} is not a client`, { name: client.name }) });
    if (!client.active) throw badInput({ clientId: problem(FieldReason.INACTIVE, `${client.name} is not active`, { entity: 'Counterparty', name: client.name }) });
    const priceType = await this.priceTypeOf(ctx, client);

    const productIds = [...new Set(input.lines.map((line) => line.productId))];
    const products = new Map<string, Product>();
    for (const product of await ctx.loaders.byId(Product).loadMany(productIds)) {
      if (product && !(product instanceof Error)) products.set(product.id, product);
    }
    const missing: FieldMessages = {};
    input.lines.forEach((line, index) => {
      const product = products.get(line.productId);
      if (!product) missing[`lines.${index}.productId`] = noSuch('Product', 'no such product');
      else if (!product.active) missing[`lines.${index}.productId`] = problem(FieldReason.INACTIVE, `${product.sku} is not active`, { entity: 'Product', name: product.sku });
    });
    // a quantity finer than its product's unit counts in (2.5 pcs), refused with the lines' products
    await ctx.services.products.checkQuantities(ctx, input.lines, missing);
    if (Object.keys(missing).length) throw invalid(missing);

    const groupIds = [...products.values()].flatMap((product) => (product.group ? [product.group.id] : []));
    // one after another: a request (and a mutation's transaction) has one connection, which runs one statement at a time
    const chains = await ctx.services.productGroups.withAncestors(ctx, groupIds);
    const prices = await effectivePrices(ctx.em, [...products.keys()], priceType.id, input.date);
    const rules = await ctx.services.discountRules.activeOn(ctx, input.date);
    const limits = await ctx.services.pricingSettings.limitsFor(ctx);
    const costs = await ctx.services.stock.averageCosts(ctx, [...products.keys()]);
    const unpriced: FieldMessages = {};
    input.lines.forEach((line, index) => {
      if (!prices.has(line.productId)) unpriced[`lines.${index}.productId`] = problem(FieldReason.NO_PRICE, `no ${priceType.code} price on ${input.date}`, { priceType: priceType.code, date: input.date });
    });
    if (Object.keys(unpriced).length) throw invalid(unpriced);

    const lines: CalculatorLine[] = input.lines.map((line) => {
      const product = products.get(line.productId)!;
      return {
        productId: product.id,
        productGroupIds: product.group ? (chains.get(product.group.id) ?? [product.group.id]) : [],
        quantity: line.quantity,
        basePrice: prices.get(product.id)!.price,
        priceTypeId: priceType.id,
        vatRate: product.vatRate,
        cost: costOnPriceBasis(costs.get(product.id), product.vatRate, priceType.vatIncluded),
        manualDiscountPercent: line.manualDiscountPercent ?? null,
      };
    });

    const result = calculateQuote({
      date: input.date,
      client: {
        id: client.id,
        segmentId: client.segment?.id ?? null,
        priceTypeId: priceType.id,
        // what the client bought over each window a PURCHASE_HISTORY rule looks at, from the sales register
        purchasesByDays: await purchasesOf(ctx, client.id, input.date, rules),
      },
      priceTypes: [{ id: priceType.id, vatIncluded: priceType.vatIncluded, roundingStep: ROUNDING_STEP[priceType.rounding as PriceRounding] }],
      lines,
      rules: rules.map(toCalculatorRule),
      promoCode: input.promoCode ?? null,
      role: limits,
    });
    if (!result.ok) throw refused(result.errors, !!ctx.user?.permissions.has('cost:read'));

    const promoCode = input.promoCode?.trim() || null;
    return {
      client,
      date: input.date,
      priceType,
      promoCode,
      promoCodeRecognised: promoCode === null ? null : rules.some((rule) => rule.kind === DiscountRuleKind.PROMO_CODE && samePromoCode(promoCode, String(rule.conditions.promoCode ?? ''))),
      manualDiscountCapPercent: limits.manualDiscountCapPercent,
      totalDiscountCapPercent: limits.totalDiscountCapPercent,
      lines: result.quote.lines.map((line) => {
        const price = prices.get(line.productId)!;
        return {
          ...line,
          product: products.get(line.productId)!,
          priceType,
          basePriceValidFrom: price.validFrom,
          priceListId: price.priceListId,
          appliedRules: line.appliedRules.map((applied) => ({ ...applied, kind: applied.kind as DiscountRuleKind, limitedBy: applied.limitedBy as RuleLimit | null })),
        };
      }),
      totals: result.quote.totals,
    };
  }

  /** What the calculator would refuse as malformed, refused here per field instead. */
  private checkLines(input: QuoteInput): void {
    const fields: FieldMessages = {};
    const notAnId = () => problem(FieldReason.NOT_AN_ID, 'must be a UUID');
    if (!isUuid(input.clientId)) fields.clientId = notAnId();
    input.lines.forEach((line, index) => {
      const at = `lines.${index}`;
      if (!isUuid(line.productId)) fields[`${at}.productId`] = notAnId();
      const quantity = new Decimal(line.quantity);
      if (!quantity.gt(0)) fields[`${at}.quantity`] = problem(FieldReason.GREATER_THAN, 'must be greater than 0', { min: 0 });
      else if (quantity.decimalPlaces() > QUANTITY_PLACES) fields[`${at}.quantity`] = decimalPlaces(QUANTITY_PLACES);
      const manual = line.manualDiscountPercent == null ? null : percentProblem(line.manualDiscountPercent);
      if (manual) fields[`${at}.manualDiscountPercent`] = manual;
    });
    if (Object.keys(fields).length) throw invalid(fields);
  }

  /** The client's price type (priceTypeOfClient); INVALID_STATE NO_PRICE_TYPE when it has none and no type is the default. */
  private async priceTypeOf(ctx: Context, client: Counterparty): Promise<PriceType> {
    const priceType = await priceTypeOfClient(ctx, client);
    if (!priceType) {
      throw new AppError(ErrorCode.INVALID_STATE, `${client.name} has no price type of its own and no price type is marked as the default; set one of them first`, {
        reason: 'NO_PRICE_TYPE',
        clientId: client.id,
      });
    }
    return priceType;
  }
}

/**
 * The cost a final price must not go below: the average unit cost of the stock still
 * there (FIFO lots, without VAT), stated like the price type's prices — with the line's
 * VAT added when prices include VAT. No stock, no cost: nothing to judge.
 */
export function costOnPriceBasis(unitCost: string | undefined, vatRate: string, vatIncluded: boolean): string | null {
  if (unitCost === undefined) return null;
  const cost = new Decimal(unitCost);
  return (vatIncluded ? cost.mul(new Decimal(100).plus(vatRate)).div(100) : cost).toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toFixed();
}

/**
 * The calculator's refusals as BAD_USER_INPUT on each failing line's field. The cost
 * below which a line may not go is told only to roles with cost:read: the others learn
 * that the price is below the minimum, never the number (DESIGN §8).
 */
function refused(errors: QuoteError[], seesCost: boolean): AppError {
  const fields: FieldMessages = {};
  for (const error of errors) {
    if (error.code === 'MANUAL_DISCOUNT_OVER_CAP') {
      const message = `a manual discount of ${error.percent} % is over your limit of ${error.capPercent} %`;
      fields[`lines.${error.line}.manualDiscountPercent`] = problem(FieldReason.OVER_DISCOUNT_CAP, message, { percent: error.percent, cap: error.capPercent });
    } else if (error.code === 'TOTAL_DISCOUNT_OVER_CAP') {
      const message = `with the discount rules the line would be ${error.percent} % off, over your total limit of ${error.capPercent} %`;
      fields[`lines.${error.line}.manualDiscountPercent`] = problem(FieldReason.OVER_TOTAL_DISCOUNT_CAP, message, { percent: error.percent, cap: error.capPercent });
    } else {
      const below = seesCost ? `below cost ${error.cost}` : 'below the minimum price';
      const message = `the manual discount takes the final price ${error.finalUnitPrice} ${below}, and your roles may not sell below cost`;
      fields[`lines.${error.line}.manualDiscountPercent`] = seesCost
        ? problem(FieldReason.BELOW_COST, message, { price: error.finalUnitPrice, cost: error.cost })
        : problem(FieldReason.BELOW_MINIMUM_PRICE, message, { price: error.finalUnitPrice });
    }
  }
  const told = seesCost ? errors : errors.map((error) => (error.code === 'BELOW_COST' ? { code: error.code, line: error.line, productId: error.productId, finalUnitPrice: error.finalUnitPrice } : error));
  return invalid(fields, { errors: told });
}

/** The client's purchases (sales register, without VAT, returns netted) over each window of days the PURCHASE_HISTORY rules use; undefined when none does. */
async function purchasesOf(ctx: Context, clientId: string, date: string, rules: readonly DiscountRule[]): Promise<Record<number, string> | undefined> {
  const days = rules.filter((rule) => rule.kind === DiscountRuleKind.PURCHASE_HISTORY).map((rule) => Number(rule.conditions.days));
  return days.length ? ctx.services.salesHistory.purchasesByDays(ctx, clientId, date, days) : undefined;
}
