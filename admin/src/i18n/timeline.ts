/** The words of a client's timeline and documents tabs (issue 13 §9, §12), spread into en and ru. */
export const timelineWords = {
  en: {
    tradebook: {
      timeline: {
        tab: 'Timeline', none: 'Nothing has happened with this client yet.', more: 'Load more', system: 'System',
        actions: {
          ADDED: 'added', CREATED: 'created', CHANGED: 'changed', COMPLETED: 'done', CANCELLED: 'cancelled', STAGE_CHANGED: 'stage changed', WON: 'won', LOST: 'lost', HANDED_OVER: 'handed over',
          CONFIRMED: 'confirmed', PARTIALLY_SHIPPED: 'partially shipped', SHIPPED: 'shipped', CLOSED: 'closed', RESERVATION_EXPIRED: 'reservation expired',
          POSTED: 'posted', UNPOSTED: 'unposted', REPOSTED: 'reposted',
        },
      },
      clientDocuments: {
        tab: 'Documents', orders: 'Customer orders', shipments: 'Shipments', returns: 'Returns', invoices: 'Invoices', payments: 'Payments',
        none: 'None yet.', number: 'Number', date: 'Date', status: 'Status', total: 'Total',
      },
    },
    enums: {
      TimelineKind: { NOTE: 'Note', STATUS: 'Status', OWNER: 'Owner', ACTIVITY: 'Activity', DEAL: 'Deal', ORDER: 'Order', SHIPMENT: 'Shipment', RETURN: 'Return', INVOICE: 'Invoice', PAYMENT: 'Payment', DOCUMENT: 'Document' },
    },
  },
  ru: {
    tradebook: {
      timeline: {
        tab: 'Хронология', none: 'С этим клиентом пока ничего не происходило.', more: 'Показать ещё', system: 'Система',
        actions: {
          ADDED: 'добавлена', CREATED: 'создано', CHANGED: 'изменён', COMPLETED: 'выполнено', CANCELLED: 'отменено', STAGE_CHANGED: 'смена этапа', WON: 'выиграна', LOST: 'проиграна', HANDED_OVER: 'передан',
          CONFIRMED: 'подтверждён', PARTIALLY_SHIPPED: 'отгружен частично', SHIPPED: 'отгружен', CLOSED: 'закрыт', RESERVATION_EXPIRED: 'резерв снят',
          POSTED: 'проведён', UNPOSTED: 'проведение отменено', REPOSTED: 'перепроведён',
        },
      },
      clientDocuments: {
        tab: 'Документы', orders: 'Заказы покупателя', shipments: 'Отгрузки', returns: 'Возвраты', invoices: 'Счета', payments: 'Оплаты',
        none: 'Пока нет.', number: 'Номер', date: 'Дата', status: 'Статус', total: 'Сумма',
      },
    },
    enums: {
      TimelineKind: { NOTE: 'Заметка', STATUS: 'Статус', OWNER: 'Ответственный', ACTIVITY: 'Взаимодействие', DEAL: 'Сделка', ORDER: 'Заказ', SHIPMENT: 'Отгрузка', RETURN: 'Возврат', INVOICE: 'Счёт', PAYMENT: 'Оплата', DOCUMENT: 'Документ' },
    },
  },
};
