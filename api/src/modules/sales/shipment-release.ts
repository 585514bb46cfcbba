import { Decimal } from '../../shared/money';
import type { ReservedPart } from './reservation-allocation';

/** A shipment line of a product, as the release reads it. */
export interface ShippedLine {
  lineNo: number;
  productId: string;
  quantity: string;
}

/** A release of the order's reservation: a negative reservation row of the shipment, on the line that caused it. */
export interface Release {
  lineNo: number;
  warehouseId: string;
  productId: string;
  /** Positive: how much stops being reserved. */
  quantity: string;
}

/**
 * What a shipment from `warehouseId` releases of its order's reservation (pure, issue 12
 * §3). Per product, the goods it ships take the order's reservation in that warehouse
 * first, line by line (the rest of each line comes from free stock). What the order would
 * then still hold beyond what is left to ship (`leftAfter`: ordered − shipped, this
 * shipment included) is released too, from the other warehouses, the least preferred
 * (last held) first, on the product's last line: an order never holds more than it still
 * has to ship. `held` lists each product's parts in the order's priority order.
 */
export function releasesFor(warehouseId: string, lines: readonly ShippedLine[], held: ReadonlyMap<string, readonly ReservedPart[]>, leftAfter: ReadonlyMap<string, string>): Release[] {
  const releases: Release[] = [];
  const byProduct = new Map<string, ShippedLine[]>();
  for (const line of [...lines].sort((a, b) => a.lineNo - b.lineNo)) byProduct.set(line.productId, [...(byProduct.get(line.productId) ?? []), line]);
  for (const [productId, own] of byProduct) {
    const parts = held.get(productId) ?? [];
    let here = parts.filter((p) => p.warehouseId === warehouseId).reduce((sum, p) => sum.plus(p.quantity), new Decimal(0));
    let total = parts.reduce((sum, p) => sum.plus(p.quantity), new Decimal(0));
    for (const line of own) {
      const take = Decimal.min(here, line.quantity);
      if (take.lte(0)) continue;
      releases.push({ lineNo: line.lineNo, warehouseId, productId, quantity: take.toFixed() });
      here = here.minus(take);
      total = total.minus(take);
    }
    let excess = total.minus(leftAfter.get(productId) ?? '0');
    const others = parts.filter((p) => p.warehouseId !== warehouseId).reverse();
    // what is left here counts first: it is released before the other warehouses'
    const candidates = [{ warehouseId, quantity: here }, ...others.map((p) => ({ warehouseId: p.warehouseId, quantity: new Decimal(p.quantity) }))];
    for (const part of candidates) {
      if (excess.lte(0)) break;
      const take = Decimal.min(excess, part.quantity);
      if (take.lte(0)) continue;
      releases.push({ lineNo: own[own.length - 1].lineNo, warehouseId: part.warehouseId, productId, quantity: take.toFixed() });
      excess = excess.minus(take);
    }
  }
  return releases;
}
