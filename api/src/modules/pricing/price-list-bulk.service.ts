import { Decimal } from '../../shared/money';
import type { Context } from '../../server/context';
import { badInput } from '../../shared/errors';
import { decimalPlaces, FieldReason, problem, type FieldMessages } from '../../shared/field-errors';
import { SUBTREE_IDS_SQL } from '../catalog/product-group.service';
import { derivePrice } from './derive-price';
import { parsePriceCsv } from './price-csv';
import { PriceListSource, type PriceList } from './price-list.entity';
import { MAX_PRICE_LIST_LINES, type ImportPriceListArgs, type PriceImportRowError, type RepriceGroupArgs } from './price-list.inputs';
import { checkGroup, checkManualPriceType, createDraftPriceList, priceFieldProblem, priceProblem, stepFits, type DraftLine } from './price-list.lines';
import { PriceRounding, ROUNDING_STEP } from './price-type.entity';

/**
 * The products of the group and its subgroups with their price of a type in effect on a
 * date (latest valid_from on or before it, latest posted among equals), by SKU, in one
 * statement over price_register_lookup. Bindings: price type, date, group.
 */
const GROUP_PRICES_SQL = `select p.id as product_id, p.sku, r.price
  from product p
  cross join lateral (
    select r.price from price_register r
    where r.product_id = p.id and r.price_type_id = ? and r.valid_from <= ?
    order by r.valid_from desc, r.posted_at desc
    limit 1
  ) r
  where p.group_id in ${SUBTREE_IDS_SQL}
  order by p.sku, p.id`;

/** Price lists made in bulk: repricing a product group, importing a CSV file. Both make drafts to review and post. */
export class PriceListBulkService {
  /**
   * A draft REPRICE list dated `validFrom` for every product of the group (and the groups
   * below it) that has a price of the type on that date: the new price is the old one
   * changed by `percent` and rounded to `rounding`.
   */
  async repriceGroup(ctx: Context, args: RepriceGroupArgs): Promise<PriceList> {
    const fields: FieldMessages = {};
    const type = await checkManualPriceType(ctx.em, args.priceTypeId, fields);
    const group = await checkGroup(ctx.em, args.groupId, fields);
    const percent = new Decimal(args.percent);
    const step = ROUNDING_STEP[args.rounding];
    if (type && !stepFits(step, ROUNDING_STEP[type.rounding as PriceRounding])) {
      fields.rounding = problem(FieldReason.OFF_ROUNDING_STEP, `rounds to ${step}, finer than ${type.code} prices (${ROUNDING_STEP[type.rounding as PriceRounding]})`, { step: ROUNDING_STEP[type.rounding as PriceRounding], priceType: type.code });
    }
    if (percent.lte(-100)) fields.percent = problem(FieldReason.GREATER_THAN, 'must be greater than −100', { min: -100 });
    else if (percent.decimalPlaces() > 4) fields.percent = decimalPlaces(4);
    if (Object.keys(fields).length) throw badInput(fields);

    const rows: { product_id: string; sku: string; price: string }[] = await ctx.em.execute(GROUP_PRICES_SQL, [args.priceTypeId, args.validFrom, args.groupId]);
    if (!rows.length) {
      const nothing = problem(FieldReason.NOTHING_TO_REPRICE, `no product of ${group!.name} and the groups below it has a ${type!.code} price on ${args.validFrom}`, {
        group: group!.name,
        priceType: type!.code,
        date: args.validFrom,
      });
      throw badInput({ groupId: nothing }, 'Nothing to reprice');
    }
    const lines = rows.map((row) => ({ productId: row.product_id, price: derivePrice(row.price, percent, step) }));
    const tooLarge = lines.findIndex((line) => priceProblem(line.price));
    if (tooLarge >= 0) throw badInput({ percent: problem(FieldReason.PRICE_TOO_LARGE, `makes the price of ${rows[tooLarge].sku} ${priceProblem(lines[tooLarge].price)}`, { sku: rows[tooLarge].sku }) });
    const sign = percent.isNegative() ? '−' : '+';
    return createDraftPriceList(ctx, {
      priceTypeId: args.priceTypeId,
      date: args.validFrom,
      groupId: args.groupId,
      source: PriceListSource.REPRICE,
      comment: args.comment ?? `Repricing of ${group!.name}: ${sign}${percent.abs().toFixed()} %, rounded to ${step}`,
      lines,
    });
  }

  /**
   * A draft IMPORT list from "SKU;price" rows. Every row that cannot become a line is
   * reported with its row number and the reason; when no row can, no list is made
   * (BAD_USER_INPUT listing the rows).
   */
  async importPriceList(ctx: Context, args: ImportPriceListArgs): Promise<{ priceList: PriceList; rowErrors: PriceImportRowError[] }> {
    const fields: FieldMessages = {};
    const type = await checkManualPriceType(ctx.em, args.priceTypeId, fields);
    if (Object.keys(fields).length) throw badInput(fields);

    const parsed = parsePriceCsv(args.csv);
    if (parsed.rows.length > MAX_PRICE_LIST_LINES) {
      throw badInput({ csv: problem(FieldReason.TOO_MANY_ROWS, `has ${parsed.rows.length} rows; a price list takes at most ${MAX_PRICE_LIST_LINES}`, { rows: parsed.rows.length, max: MAX_PRICE_LIST_LINES }) });
    }
    const rowErrors: PriceImportRowError[] = [...parsed.errors];
    const skus = [...new Set(parsed.rows.map((row) => row.sku))];
    const products: { id: string; sku: string }[] = skus.length ? await ctx.em.execute('select id, sku from product where sku in (?)', [skus]) : [];
    const idOf = new Map(products.map((p) => [p.sku, p.id]));
    const lines: DraftLine[] = [];
    for (const row of parsed.rows) {
      const productId = idOf.get(row.sku);
      const offStep = priceFieldProblem(row.price, type);
      // a price the type would never quote is left out and reported, like a row that cannot be read
      if (productId && offStep) rowErrors.push({ row: row.row, sku: row.sku, message: `the price ${row.price} ${offStep.message}`, reason: offStep.reason, params: offStep.params ?? {} });
      else if (productId) lines.push({ productId, price: row.price });
      else rowErrors.push({ row: row.row, sku: row.sku, message: `no product with SKU ${row.sku}`, reason: FieldReason.NOT_FOUND, params: { entity: 'Product' } });
    }
    rowErrors.sort((a, b) => a.row - b.row);

    if (!lines.length) {
      const reasons = rowErrors.map((e) => `row ${e.row}: ${e.message}`).join('; ');
      const csv = rowErrors.length
        ? problem(FieldReason.NO_ROW_IMPORTABLE, `no row can be imported; ${reasons}`, { rows: rowErrors.length })
        : problem(FieldReason.NO_ROWS, 'has no rows below the header');
      throw badInput({ csv }, rowErrors.length ? `No row can be imported: ${reasons}` : 'The file has no rows below the header', { rowErrors });
    }
    const priceList = await createDraftPriceList(ctx, {
      priceTypeId: args.priceTypeId,
      date: args.date,
      source: PriceListSource.IMPORT,
      comment: args.comment ?? `Imported: ${lines.length} row(s), ${rowErrors.length} left out`,
      lines,
    });
    return { priceList, rowErrors };
  }
}
