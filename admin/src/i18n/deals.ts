/** The words of deals, the pipeline board and deal stages (issue 13 §8), spread into en and ru. */
export const dealWords = {
  en: {
    tradebook: {
      deals: {
        tab: 'Deals', add: 'Add deal', none: 'No deals yet.', total: 'Total', weighted: 'weighted', count: '%{smart_count} deal |||| %{smart_count} deals',
        mineOnly: 'Only mine', moved: '%{title} moved to %{stage}', empty: 'No deals', more: '%{smart_count} more in the list →',
        lostTitle: 'Why was %{title} lost?', lostReason: 'Reason', move: 'Move', cancel: 'Cancel',
        winTitle: '%{title} won', createOrder: 'Create a draft order for the client', warehouse: 'Warehouse', win: 'Mark won', order: 'Order', openOrder: 'open the draft', history: 'Stage history',
      },
    },
    enums: { DealStageKind: { OPEN: 'Open', WON: 'Won', LOST: 'Lost' } },
    resources: {
      Deal: {
        name: 'Deal |||| Deals',
        fields: {
          title: 'Title', client: 'Client', clientId: 'Client', stage: 'Stage', stageId: 'Stage', amount: 'Amount', expectedCloseDate: 'Expected close', owner: 'Owner', ownerId: 'Owner',
          lostReason: 'Reason lost', lostReasonHelp: 'Needed in a Lost stage', closedAt: 'Closed', orderId: 'Order', open: 'Open', expectedCloseFrom: 'Expected close from', expectedCloseTo: 'Expected close to',
          q: 'Search', createdAt: 'Created', updatedAt: 'Changed',
        },
      },
      DealStage: { name: 'Deal stage |||| Deal stages', fields: { name: 'Name', position: 'Position', probability: 'Probability, %', kind: 'Kind', active: 'Active', q: 'Search' } },
      DealPipeline: { name: 'Pipeline' },
    },
  },
  ru: {
    tradebook: {
      deals: {
        tab: 'Сделки', add: 'Добавить сделку', none: 'Сделок пока нет.', total: 'Итого', weighted: 'взвешенно', count: '%{smart_count} сделка |||| %{smart_count} сделки |||| %{smart_count} сделок',
        mineOnly: 'Только мои', moved: '%{title}: этап «%{stage}»', empty: 'Нет сделок', more: 'Ещё %{smart_count} в списке →',
        lostTitle: 'Почему сделка «%{title}» проиграна?', lostReason: 'Причина', move: 'Перевести', cancel: 'Отмена',
        winTitle: 'Сделка «%{title}» выиграна', createOrder: 'Создать черновик заказа клиента', warehouse: 'Склад', win: 'Выиграна', order: 'Заказ', openOrder: 'открыть черновик', history: 'История этапов',
      },
    },
    enums: { DealStageKind: { OPEN: 'В работе', WON: 'Выиграна', LOST: 'Проиграна' } },
    resources: {
      Deal: {
        name: 'Сделка |||| Сделки',
        fields: {
          title: 'Название', client: 'Клиент', clientId: 'Клиент', stage: 'Этап', stageId: 'Этап', amount: 'Сумма', expectedCloseDate: 'Ожидаемое закрытие', owner: 'Ответственный', ownerId: 'Ответственный',
          lostReason: 'Причина проигрыша', lostReasonHelp: 'Нужна на этапе «проиграна»', closedAt: 'Закрыта', orderId: 'Заказ', open: 'В работе', expectedCloseFrom: 'Закрытие с', expectedCloseTo: 'Закрытие по',
          q: 'Поиск', createdAt: 'Создана', updatedAt: 'Изменена',
        },
      },
      DealStage: { name: 'Этап сделок |||| Этапы сделок', fields: { name: 'Название', position: 'Порядок', probability: 'Вероятность, %', kind: 'Вид', active: 'Активен', q: 'Поиск' } },
      DealPipeline: { name: 'Воронка' },
    },
  },
};
