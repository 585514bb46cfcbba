import { Decimal } from '../../shared/money';
import type { EntityManager } from '@mikro-orm/postgresql';
import { invalidState } from '../../shared/errors';
import { lockDocument } from '../ledger/document-lock';
import { averageCosts } from '../inventory/average-cost';
import { nextDocumentNumber } from '../ledger/document-number';
import { DocumentStatus } from '../ledger/document-status';
import { assertPeriodOpen } from '../ledger/period-close.service';
import { derivePrice } from './derive-price';
import { PriceList, PriceListLine, PriceListSource } from './price-list.entity';
import { PriceRecord } from './price-record.entity';
import { PriceDerivation, PriceType, ROUNDING_STEP, type PriceRounding } from './price-type.entity';
import { checkLines, invalidBadInput, priceProblem } from './price-list.lines';


/** One register row per line of the list, in one statement whatever the number of lines. */
const WRITE_RECORDS_SQL = `insert into price_register (id, product_id, price_type_id, valid_from, price, recorder_id, recorder_line, posted_at)
  select gen_random_uuid(), l.product_id, pl.price_type_id, pl.date, l.price, pl.id, l.line_no, ?
  from price_list_line l join price_list pl on pl.id = l.price_list_id
  where pl.id = ?`;

/**
 * Posting, unposting and cancelling price lists (DESIGN §4), each in the caller's
 * transaction. Posting writes one price register row per line, dated the list's date,
 * and recomputes the derived price types: for every active FROM_PRICE_TYPE type based on
 * the list's type (and, in turn, on those) it creates and posts a DERIVED list of the
 * same date and scope whose prices are the base list's prices adjusted and rounded.
 * Unposting deletes exactly the list's register rows, and unposts and deletes the
 * lists derived from it. FROM_COST types get their prices from `postCostPrices`: a
 * DERIVED list without a base list (a "cost list"), posted like any other and unposted or
 * cancelled by itself.
 *
 * Takes an EntityManager rather than a request context so the demo seed can post too.
 */
/** A price list whose prices took effect or were withdrawn: what `pricesChanged` tells subscribers. */
export interface PriceChange extends Record<string, unknown> {
  priceTypeId: string;
  priceListId: string;
  number: string;
  validFrom: string;
  action: 'POSTED' | 'WITHDRAWN';
}

export class PriceListPosting {
  async post(em: EntityManager, id: string, changes: PriceChange[] = []): Promise<PriceList> {
    const list = await lockDocument(em, PriceList, id);
    if (list.status !== DocumentStatus.DRAFT) throw invalidState(`Price list ${list.number} is ${list.status}; only a draft can be posted`, { status: list.status });
    await assertPeriodOpen(em, list.date);
    const type = await em.findOneOrFail(PriceType, { id: list.priceType.id });
    if (type.derivation !== PriceDerivation.NONE) {
      throw invalidState(`Price type ${type.code} is now derived (${type.derivation}); its prices are computed, so this draft cannot be posted`, { derivation: type.derivation });
    }
    const lines = await em.find(PriceListLine, { priceList: list.id }, { orderBy: { lineNo: 'asc' } });
    if (!lines.length) throw invalidState(`Price list ${list.number} has no lines to post`, { reason: 'NO_LINES' });
    // products may have moved to other groups since the draft was written
    const fields: Record<string, string> = {};
    await checkLines(em, lines.map((line) => ({ productId: line.product.id, price: line.price })), list.group?.id ?? null, fields);
    if (Object.keys(fields).length) throw invalidBadInput(fields);

    const now = new Date();
    list.status = DocumentStatus.POSTED;
    list.postedAt = now;
    await em.flush();
    await this.write(em, list, type, lines, now, new Set([type.id]), changes);
    return list;
  }

  async unpost(em: EntityManager, id: string, changes: PriceChange[] = []): Promise<PriceList> {
    const list = await lockDocument(em, PriceList, id);
    this.refuseDerived(list, 'unposted');
    if (list.status !== DocumentStatus.POSTED) throw invalidState(`Price list ${list.number} is ${list.status}; only a posted list can be unposted`, { status: list.status });
    await assertPeriodOpen(em, list.date);
    await this.retract(em, list, changes);
    list.status = DocumentStatus.DRAFT;
    list.postedAt = null;
    await em.flush();
    return list;
  }

  /** A draft or a posted list becomes CANCELLED; a posted one loses its prices and derived lists first. */
  async cancel(em: EntityManager, id: string, changes: PriceChange[] = []): Promise<PriceList> {
    const list = await lockDocument(em, PriceList, id);
    this.refuseDerived(list, 'cancelled');
    if (list.status === DocumentStatus.CANCELLED) throw invalidState(`Price list ${list.number} is already CANCELLED`, { status: list.status });
    if (list.status === DocumentStatus.POSTED) {
      await assertPeriodOpen(em, list.date);
      await this.retract(em, list, changes);
    }
    list.status = DocumentStatus.CANCELLED;
    list.postedAt = null;
    await em.flush();
    return list;
  }

  /**
   * Computes and posts a cost list of a FROM_COST type dated `date`: for each product with
   * stock (of `productIds`, or all when null) price = average cost (averageCosts) × (1 +
   * markup / 100), rounded to the type's step. The list is DERIVED with no base list; the
   * types derived from this one get their lists as usual. Null when no product has stock.
   */
  async postCostPrices(em: EntityManager, type: PriceType, date: string, productIds: string[] | null, changes: PriceChange[] = []): Promise<PriceList | null> {
    if (type.derivation !== PriceDerivation.FROM_COST) throw invalidState(`Price type ${type.code} is not computed from cost (${type.derivation})`, { derivation: type.derivation });
    const costs = await averageCosts(em, productIds);
    if (!costs.size) return null;
    await assertPeriodOpen(em, date);
    const step = ROUNDING_STEP[type.rounding as PriceRounding];
    const now = new Date();
    const list = em.create(PriceList, {
      number: await nextDocumentNumber(em, 'PL', date),
      date,
      priceType: type,
      group: null,
      status: DocumentStatus.POSTED,
      postedAt: now,
      source: PriceListSource.DERIVED,
      basePriceList: null,
      comment: `${type.code} computed from the average cost of stock (${signed(type.adjustmentPercent!)} %, rounded to ${step})`,
    });
    const lines = [...costs].map(([productId, cost], i) => {
      const price = derivePrice(cost, type.adjustmentPercent!, step);
      const problem = priceProblem(price);
      if (problem) throw invalidState(`The ${type.code} price computed from cost for product ${productId} ${problem}`, { priceTypeId: type.id, productId });
      return em.create(PriceListLine, { priceList: list, lineNo: i + 1, product: productId, price });
    });
    await em.flush();
    await this.write(em, list, type, lines, now, new Set([type.id]), changes);
    return list;
  }

  /** The list, locked until the transaction ends, so two verbs on one list take turns. */
  /** A list computed from a base list follows it; a cost list (DERIVED, no base list) stands alone. */
  private refuseDerived(list: PriceList, verb: string): void {
    if (list.source === PriceListSource.DERIVED && list.basePriceList) {
      throw invalidState(`Price list ${list.number} is computed for a derived price type and cannot be ${verb} by itself; unpost its base list instead`, { source: list.source });
    }
  }

  /** The register rows of a posted list, then the lists derived from it (recursively). */
  private async write(em: EntityManager, list: PriceList, type: PriceType, lines: PriceListLine[], now: Date, chain: Set<string>, changes: PriceChange[]): Promise<void> {
    await em.execute(WRITE_RECORDS_SQL, [now, list.id]);
    changes.push({ priceTypeId: type.id, priceListId: list.id, number: list.number, validFrom: list.date, action: 'POSTED' });
    const derivedTypes = await em.find(PriceType, { basePriceType: type.id, derivation: PriceDerivation.FROM_PRICE_TYPE, active: true }, { orderBy: { code: 'asc' } });
    for (const derived of derivedTypes) {
      if (chain.has(derived.id)) continue; // base chains cannot loop (PriceTypeService), but never recurse forever
      const step = ROUNDING_STEP[derived.rounding as PriceRounding];
      const derivedList = em.create(PriceList, {
        number: await nextDocumentNumber(em, 'PL', list.date),
        date: list.date,
        priceType: derived,
        group: list.group ?? null,
        status: DocumentStatus.POSTED,
        postedAt: now,
        source: PriceListSource.DERIVED,
        basePriceList: list,
        comment: `${derived.code} computed from ${list.number} (${type.code} ${signed(derived.adjustmentPercent!)} %, rounded to ${step})`,
      });
      const derivedLines = lines.map((line) => {
        const price = derivePrice(line.price, derived.adjustmentPercent!, step);
        const problem = priceProblem(price);
        if (problem) throw invalidState(`The ${derived.code} price computed for line ${line.lineNo} of ${list.number} ${problem}`, { priceTypeId: derived.id, lineNo: line.lineNo });
        return em.create(PriceListLine, { priceList: derivedList, lineNo: line.lineNo, product: line.product, price });
      });
      await em.flush();
      await this.write(em, derivedList, derived, derivedLines, now, new Set([...chain, derived.id]), changes);
    }
  }

  /** Deletes exactly the list's register rows, and unposts and deletes the lists derived from it. */
  private async retract(em: EntityManager, list: PriceList, changes: PriceChange[]): Promise<void> {
    await em.nativeDelete(PriceRecord, { recorderId: list.id });
    changes.push({ priceTypeId: list.priceType.id, priceListId: list.id, number: list.number, validFrom: list.date, action: 'WITHDRAWN' });
    const derivedLists = await em.find(PriceList, { basePriceList: list.id });
    for (const derived of derivedLists) {
      await this.retract(em, derived, changes);
      em.remove(derived);
    }
    if (derivedLists.length) await em.flush();
  }
}

/** "−12", "+5.5": a percentage as people write it. */
function signed(percent: string): string {
  const value = new Decimal(percent);
  return value.isNegative() ? `−${value.abs().toFixed()}` : `+${value.toFixed()}`;
}
