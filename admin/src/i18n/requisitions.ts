/** The words of purchase requisitions, reorder rules, reorder suggestions and supplier prices (issue 14, items 1–3), spread into en and ru. */
const lineWords = {
  en: { number: 'Number', date: 'Date', status: 'Status', warehouseId: 'Warehouse', warehouse: 'Warehouse', comment: 'Comment', lines: 'Lines', product: 'Product', productId: 'Product', quantity: 'Quantity', lineNo: 'Line', sku: 'SKU', productName: 'Name', unit: 'Unit', available: 'Available', q: 'Search', dateFrom: 'Dated from', dateTo: 'Dated to', updatedAt: 'Changed' },
  ru: { number: 'Номер', date: 'Дата', status: 'Статус', warehouseId: 'Склад', warehouse: 'Склад', comment: 'Комментарий', lines: 'Строки', product: 'Товар', productId: 'Товар', quantity: 'Количество', lineNo: 'Строка', sku: 'Артикул', productName: 'Наименование', unit: 'Ед.', available: 'Доступно', q: 'Поиск', dateFrom: 'Дата с', dateTo: 'Дата по', updatedAt: 'Изменено' },
};

export const requisitionWords = {
  en: {
    tradebook: {
      requisition: {
        submit: 'Submit', approve: 'Approve', reject: 'Reject', close: 'Close',
        submitDone: 'Requisition %{number} submitted', approveDone: 'Requisition %{number} approved', rejectDone: 'Requisition %{number} rejected', closeDone: 'Requisition %{number} closed',
        rejectTitle: 'Reject %{number}?', closeTitle: 'Close %{number}?', closeConfirm: 'Nothing more will be ordered of it.',
        order: 'Order from suppliers', orderDone: 'Draft purchase order %{numbers} created |||| Draft purchase orders %{numbers} created',
      },
      supplierPrice: {
        set: 'Set price', saved: 'Price saved', none: 'No prices from this supplier yet.', notSupplier: 'Not a supplier: give it the Supplier role to keep its prices.', makeMain: 'Make it the main supplier of the product', isMain: 'The main supplier of the product (click to remove)',
        mainSet: 'Main supplier set', mainRemoved: 'Main supplier removed',
      },
      reorder: {
        requisition: 'Requisition', order: 'Purchase order', nothing: 'Nothing to reorder: every warehouse is above its reorder points.',
        requisitionsDone: 'Draft requisition %{numbers} created |||| Draft requisitions %{numbers} created',
      },
    },
    enums: { RequisitionStatus: { DRAFT: 'Draft', SUBMITTED: 'Submitted', APPROVED: 'Approved', REJECTED: 'Rejected', PARTLY_ORDERED: 'Partly ordered', ORDERED: 'Ordered', CLOSED: 'Closed' } },
    resources: {
      PurchaseRequisition: {
        name: 'Requisition |||| Requisitions',
        fields: {
          ...lineWords.en, requestedBy: 'Requested by', requestedById: 'Requested by', submittedAt: 'Submitted', decidedBy: 'Decided by', decidedAt: 'Decided', rejectionReason: 'Reason for rejecting',
          neededBy: 'Needed by', neededByHelp: 'For lines without a date of their own', ordered: 'Ordered', received: 'Received', remaining: 'To order', orders: 'Purchase orders (ordered / received)',
        },
      },
      SupplierPrice: {
        name: 'Supplier price |||| Supplier prices',
        fields: { product: 'Product', productId: 'Product', sku: 'SKU', productName: 'Name', validFrom: 'From', price: 'Price without VAT', main: 'Main supplier' },
      },
      ReorderRule: {
        name: 'Min/max setting |||| Min/max settings',
        fields: { ...lineWords.en, minQuantity: 'Min (reorder point)', maxQuantity: 'Max (reorder level)', minQuantityHelp: 'At or below it, buy', maxQuantityHelp: 'Buy up to it' },
      },
      ReorderSuggestion: {
        name: 'Reorder suggestion |||| Reorder suggestions',
        fields: {
          ...lineWords.en, minQuantity: 'Min', maxQuantity: 'Max', onOrder: 'On order', requested: 'Requested', backordered: 'Backordered', projected: 'Projected', quantity: 'To buy', noSupplier: 'No main supplier',
        },
      },
    },
  },
  ru: {
    tradebook: {
      requisition: {
        submit: 'Отправить', approve: 'Утвердить', reject: 'Отклонить', close: 'Закрыть',
        submitDone: 'Заявка %{number} отправлена', approveDone: 'Заявка %{number} утверждена', rejectDone: 'Заявка %{number} отклонена', closeDone: 'Заявка %{number} закрыта',
        rejectTitle: 'Отклонить %{number}?', closeTitle: 'Закрыть %{number}?', closeConfirm: 'По ней больше ничего не будет заказано.',
        order: 'Заказать поставщикам', orderDone: 'Создан черновик заказа поставщику %{numbers} |||| Созданы черновики заказов поставщикам %{numbers}',
      },
      supplierPrice: {
        set: 'Установить цену', saved: 'Цена сохранена', none: 'Цен этого поставщика пока нет.', notSupplier: 'Не поставщик: добавьте роль «Поставщик», чтобы вести его цены.', makeMain: 'Сделать основным поставщиком товара', isMain: 'Основной поставщик товара (нажмите, чтобы снять)',
        mainSet: 'Основной поставщик назначен', mainRemoved: 'Основной поставщик снят',
      },
      reorder: {
        requisition: 'Заявка', order: 'Заказ поставщику', nothing: 'Заказывать нечего: на всех складах запас выше точки заказа.',
        requisitionsDone: 'Создана черновая заявка %{numbers} |||| Созданы черновые заявки %{numbers}',
      },
    },
    enums: { RequisitionStatus: { DRAFT: 'Черновик', SUBMITTED: 'Отправлена', APPROVED: 'Утверждена', REJECTED: 'Отклонена', PARTLY_ORDERED: 'Заказана частично', ORDERED: 'Заказана', CLOSED: 'Закрыта' } },
    resources: {
      PurchaseRequisition: {
        name: 'Заявка на закупку |||| Заявки на закупку',
        fields: {
          ...lineWords.ru, requestedBy: 'Заявитель', requestedById: 'Заявитель', submittedAt: 'Отправлена', decidedBy: 'Решение принял', decidedAt: 'Решение', rejectionReason: 'Причина отклонения',
          neededBy: 'Нужно к', neededByHelp: 'Для строк без своей даты', ordered: 'Заказано', received: 'Получено', remaining: 'Заказать', orders: 'Заказы поставщикам (заказано / получено)',
        },
      },
      SupplierPrice: {
        name: 'Цена поставщика |||| Цены поставщиков',
        fields: { product: 'Товар', productId: 'Товар', sku: 'Артикул', productName: 'Наименование', validFrom: 'С даты', price: 'Цена без НДС', main: 'Основной поставщик' },
      },
      ReorderRule: {
        name: 'Мин./макс. запас |||| Мин./макс. запасы',
        fields: { ...lineWords.ru, minQuantity: 'Мин. (точка заказа)', maxQuantity: 'Макс. (уровень пополнения)', minQuantityHelp: 'При этом и ниже — заказывать', maxQuantityHelp: 'Заказывать до него' },
      },
      ReorderSuggestion: {
        name: 'Предложение к заказу |||| Предложения к заказу',
        fields: {
          ...lineWords.ru, minQuantity: 'Мин.', maxQuantity: 'Макс.', onOrder: 'В заказах', requested: 'В заявках', backordered: 'Ждут клиенты', projected: 'Прогноз', quantity: 'Заказать', noSupplier: 'Без основного поставщика',
        },
      },
    },
  },
};
