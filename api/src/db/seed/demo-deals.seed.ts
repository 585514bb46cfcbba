import type { EntityManager } from '@mikro-orm/postgresql';
import { Counterparty } from '../../modules/crm/counterparty.entity';
import { Deal, DealStageChange } from '../../modules/crm/deal.entity';
import { DealStage, DealStageKind } from '../../modules/crm/deal-stage.entity';

/** [client, title, stage, amount, expected close, lost reason] — something in every column of the board. */
const DEALS: [string, string, string, string, string | null, string | null][] = [
  ['СтройМаркет', 'Крепёж на сезон', 'Qualification', '180000.00', '2026-12-20', null],
  ['ДомСтрой', 'Электроинструмент для бригад', 'Qualification', '95000.00', null, null],
  ['Профи-Ремонт', 'Годовой контракт на смеси', 'Proposal', '420000.00', '2026-12-28', null],
  ['ЭлектроМир', 'Кабель для нового объекта', 'Negotiation', '265500.50', '2026-12-15', null],
  ['Мастер и К', 'Открытие магазина', 'Won', '150000.00', '2026-11-30', null],
  ['Уралкрепёж', 'Оптовая поставка болтов', 'Lost', '310000.00', '2026-11-25', 'выбрали поставщика с отсрочкой платежа'],
];

/** Demo deals of the demo clients, in the pipeline the migration made (each owned by its client's owner). */
export async function seedDemoDeals(em: EntityManager): Promise<void> {
  const stages = new Map((await em.find(DealStage, {})).map((s) => [s.name, s]));
  const clients = new Map((await em.find(Counterparty, { name: { $in: DEALS.map(([client]) => client) } })).map((c) => [c.name, c]));
  for (const [clientName, title, stageName, amount, expectedCloseDate, lostReason] of DEALS) {
    const client = clients.get(clientName);
    const stage = stages.get(stageName);
    if (!client?.owner || !stage) continue; // a renamed stage or client: leave that deal out
    const deal = em.create(Deal, {
      client,
      title,
      stage,
      amount,
      expectedCloseDate,
      owner: client.owner.id,
      lostReason,
      closedAt: stage.kind === DealStageKind.OPEN ? null : new Date(),
    });
    em.create(DealStageChange, { deal, fromStage: null, toStage: stage, changedBy: client.owner.id });
  }
  await em.flush();
}
