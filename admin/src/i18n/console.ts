/**
 * The words of the console's shared pieces — menu, lists, exports, the line grid, the
 * dashboard, units and permissions — in English and Russian side by side.
 */
export const consoleWords = {
  en: {
    auth: { invalidLogin: 'Wrong email or password', tooManyAttempts: 'Too many failed sign-ins: wait a few minutes and try again' },
    menu: { sales: 'Sales', stock: 'Stock', purchasing: 'Purchasing', prices: 'Prices', crm: 'CRM', settings: 'Settings' },
    validation: { day: 'Type a date that exists', aboveZero: 'Must be greater than 0', notNegative: 'Must not be negative' },
    export: { xlsx: 'Excel (.xlsx)', csv: 'CSV for Excel' },
    bulk: {
      post: 'Post', posted: 'Posted %{done} of %{total}', postAllTitle: 'Post %{count} documents?', postAllConfirm: 'Each is posted on its own; those that cannot be are named with the reason.',
      deleteDrafts: 'Delete', deleted: 'Deleted %{done} of %{total}', deleteTitle: 'Delete %{count} records?', deleteConfirm: 'Each is deleted on its own; those that cannot be are named with the reason.',
    },
    lines: {
      add: 'Add line', remove: 'Remove line %{number}', paste: 'Paste from a spreadsheet', pasteTitle: 'Paste lines from a spreadsheet', pasteAction: 'Add the lines',
      pasteHelp: 'Copy the rows from Excel: SKU and quantity in each row (a header row is skipped).',
      pasteHelpWithPrice: 'Copy the rows from Excel: SKU, quantity and price in each row (a header row is skipped).',
      pasted: '%{added} of %{rows} rows added as lines', pasteRefused: 'Rows left out', pasteRow: 'Row', pasteReason: 'Why',
      outcomes: {
        ADDED: 'Added', NO_SKU: 'No SKU', BAD_QUANTITY: 'The quantity is not a number above 0', BAD_PRICE: 'The price is not a number',
        UNKNOWN_SKU: 'No product has this SKU', INACTIVE: 'The product is not active', NOT_GOODS: 'A service: only goods are kept in stock',
      },
      totals: {
        title: 'Totals', quantity: 'Quantity (%{lines} lines)', amount: 'Amount', amountWithoutVat: 'Amount without VAT', vatAt: 'VAT %{rate} % on %{amount}', vat: 'VAT', total: 'Total with VAT',
      },
    },
    units: { '796': 'pcs', '166': 'kg', '006': 'm', '112': 'l', '778': 'pack', '356': 'h', '055': 'm²', '113': 'm³', '163': 'g', '168': 't' },
    permissions: {
      user: 'Users', audit: 'Audit log', setting: 'Settings', apiKey: 'API keys', product: 'Products', productGroup: 'Product groups', unit: 'Units', warehouse: 'Warehouses',
      counterparty: 'Counterparties', priceType: 'Price types', priceList: 'Price lists', discountRule: 'Discount rules', price: 'Prices and quotes',
      stockDocument: 'Stock documents', stock: 'Stock balances', cost: 'Cost and margins',
      actions: { read: 'read', create: 'create', update: 'change', delete: 'delete', post: 'post' },
    },
    dashboard: {
      welcome: 'Welcome, %{name}', roles: 'Your roles: %{roles}',
      drafts: 'Drafts waiting to be posted', noDrafts: 'Nothing waits to be posted.', stockValue: 'Stock value by warehouse', stockQuantity: 'Stock by warehouse',
      inWarehouses: 'in %{smart_count} warehouse |||| in %{smart_count} warehouses', receiptsThisMonth: 'Goods receipts this month', posted: 'posted', draftsCount: 'drafts',
      priceListsPending: 'Price lists pending', counterparties: 'Counterparties', clients: 'active clients', suppliers: 'active suppliers',
    },
  },
  ru: {
    auth: { invalidLogin: 'Неверная электронная почта или пароль', tooManyAttempts: 'Слишком много неудачных попыток входа: подождите несколько минут и попробуйте снова' },
    menu: { sales: 'Продажи', stock: 'Склад', purchasing: 'Закупки', prices: 'Цены', crm: 'Клиенты', settings: 'Настройки' },
    validation: { day: 'Введите существующую дату', aboveZero: 'Должно быть больше 0', notNegative: 'Не может быть отрицательным' },
    export: { xlsx: 'Excel (.xlsx)', csv: 'CSV для Excel' },
    bulk: {
      post: 'Провести', posted: 'Проведено %{done} из %{total}', postAllTitle: 'Провести документы (%{count})?', postAllConfirm: 'Каждый проводится отдельно; те, что провести нельзя, будут названы с причиной.',
      deleteDrafts: 'Удалить', deleted: 'Удалено %{done} из %{total}', deleteTitle: 'Удалить записи (%{count})?', deleteConfirm: 'Каждая удаляется отдельно; те, что удалить нельзя, будут названы с причиной.',
    },
    lines: {
      add: 'Добавить строку', remove: 'Удалить строку %{number}', paste: 'Вставить из таблицы', pasteTitle: 'Вставка строк из таблицы', pasteAction: 'Добавить строки',
      pasteHelp: 'Скопируйте строки из Excel: в каждой артикул и количество (строка заголовка пропускается).',
      pasteHelpWithPrice: 'Скопируйте строки из Excel: в каждой артикул, количество и цена (строка заголовка пропускается).',
      pasted: 'Добавлено строк: %{added} из %{rows}', pasteRefused: 'Пропущенные строки', pasteRow: 'Строка', pasteReason: 'Причина',
      outcomes: {
        ADDED: 'Добавлена', NO_SKU: 'Нет артикула', BAD_QUANTITY: 'Количество — не число больше 0', BAD_PRICE: 'Цена — не число',
        UNKNOWN_SKU: 'Товара с таким артикулом нет', INACTIVE: 'Товар не активен', NOT_GOODS: 'Услуга: на складе учитываются только товары',
      },
      totals: {
        title: 'Итоги', quantity: 'Количество (строк: %{lines})', amount: 'Сумма', amountWithoutVat: 'Сумма без НДС', vatAt: 'НДС %{rate} % с %{amount}', vat: 'НДС', total: 'Всего с НДС',
      },
    },
    units: { '796': 'шт', '166': 'кг', '006': 'м', '112': 'л', '778': 'упак', '356': 'ч', '055': 'м²', '113': 'м³', '163': 'г', '168': 'т' },
    permissions: {
      user: 'Пользователи', audit: 'Журнал изменений', setting: 'Настройки', apiKey: 'API-ключи', product: 'Товары', productGroup: 'Группы товаров', unit: 'Единицы измерения', warehouse: 'Склады',
      counterparty: 'Контрагенты', priceType: 'Типы цен', priceList: 'Прайс-листы', discountRule: 'Правила скидок', price: 'Цены и расчёт цены',
      stockDocument: 'Складские документы', stock: 'Остатки', cost: 'Себестоимость и наценка',
      actions: { read: 'просмотр', create: 'создание', update: 'изменение', delete: 'удаление', post: 'проведение' },
    },
    dashboard: {
      welcome: 'Здравствуйте, %{name}', roles: 'Ваши роли: %{roles}',
      drafts: 'Черновики, ждущие проведения', noDrafts: 'Проводить нечего.', stockValue: 'Стоимость запасов по складам', stockQuantity: 'Запасы по складам',
      inWarehouses: 'на %{smart_count} складе |||| на %{smart_count} складах |||| на %{smart_count} складах', receiptsThisMonth: 'Поступления за месяц', posted: 'проведено', draftsCount: 'черновиков',
      priceListsPending: 'Прайс-листы к проведению', counterparties: 'Контрагенты', clients: 'активных клиентов', suppliers: 'активных поставщиков',
    },
  },
};
