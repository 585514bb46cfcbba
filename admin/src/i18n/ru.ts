import russianMessages from 'ra-language-russian';

/** Русские подписи: ресурсы, поля и значения перечислений. */
export const ru = {
  ...russianMessages,
  tradebook: {
    title: 'Tradebook',
    dashboard: { welcome: 'Здравствуйте, %{name}', subtitle: 'Учёт продаж, склада и закупок', shortcuts: 'Быстрые переходы', roles: 'Ваши роли: %{roles}' },
    forbidden: 'У вас нет прав на это действие',
    tabs: { general: 'Основное', requisites: 'Реквизиты', team: 'Команда', orders: 'Заказы', contracts: 'Договоры', activities: 'Взаимодействия' },
    groupTree: 'Группы товаров',
    allGroups: 'Все группы',
    roles: { title: 'Роли и права', permission: 'Право' },
    later: 'Появится здесь, когда будет готов соответствующий раздел.',
  },
  enums: {
    ProductKind: { GOODS: 'Товар', SERVICE: 'Услуга' },
    CounterpartyKind: { COMPANY: 'Юридическое лицо', PERSON: 'Физическое лицо / ИП' },
    CounterpartyRole: { CLIENT: 'Клиент', SUPPLIER: 'Поставщик' },
    Role: {
      ADMIN: 'Администратор', SALES_HEAD: 'Руководитель продаж', SALES_MANAGER: 'Менеджер по продажам', WAREHOUSE: 'Склад',
      PURCHASING: 'Закупки', MARKETING: 'Маркетинг', SERVICE: 'Сервис', ACCOUNTANT: 'Бухгалтер', PARTNER: 'Партнёр',
    },
    AuditAction: { CREATE: 'Создание', UPDATE: 'Изменение', DELETE: 'Удаление' },
  },
  resources: {
    Product: {
      name: 'Товар |||| Товары',
      fields: { sku: 'Артикул', name: 'Наименование', description: 'Описание', kind: 'Вид', unitId: 'Единица', unit: 'Единица', groupId: 'Группа', group: 'Группа', vatRate: 'НДС, %', barcode: 'Штрихкод', weight: 'Вес, кг', active: 'Активен', updatedAt: 'Изменён', q: 'Поиск' },
    },
    ProductGroup: { name: 'Группа товаров |||| Группы товаров', fields: { name: 'Наименование', parentId: 'Родительская группа', parent: 'Родительская группа', path: 'Путь', q: 'Поиск' } },
    Unit: { name: 'Единица измерения |||| Единицы измерения', fields: { code: 'Код', name: 'Наименование', okeiCode: 'Код ОКЕИ', precision: 'Знаков после запятой', q: 'Поиск' } },
    Warehouse: { name: 'Склад |||| Склады', fields: { code: 'Код', name: 'Наименование', address: 'Адрес', allowsNegativeStock: 'Разрешён отрицательный остаток', active: 'Активен', q: 'Поиск' } },
    Counterparty: {
      name: 'Контрагент |||| Контрагенты',
      fields: {
        name: 'Наименование', fullName: 'Полное наименование', kind: 'Вид', roles: 'Роли', role: 'Роль', inn: 'ИНН', kpp: 'КПП', legalAddress: 'Юридический адрес', actualAddress: 'Фактический адрес',
        phone: 'Телефон', email: 'Эл. почта', ownerId: 'Ответственный', owner: 'Ответственный', teamMemberIds: 'Команда', comment: 'Комментарий', active: 'Активен', q: 'Поиск',
        'bank.bankName': 'Банк', 'bank.bik': 'БИК', 'bank.account': 'Расчётный счёт', 'bank.correspondentAccount': 'Корр. счёт', updatedAt: 'Изменён',
      },
    },
    User: {
      name: 'Пользователь |||| Пользователи',
      fields: { email: 'Эл. почта', name: 'Имя', roles: 'Роли', role: 'Роль', team: 'Команда', active: 'Активен', password: 'Пароль', counterpartyId: 'Контрагент (для партнёров)', lastLoginAt: 'Последний вход', q: 'Поиск' },
    },
    Role: { name: 'Роль |||| Роли' },
    AuditEntry: {
      name: 'Запись журнала |||| Журнал изменений',
      fields: { at: 'Когда', entity: 'Тип записи', entityId: 'Запись', action: 'Действие', userId: 'Пользователь', user: 'Пользователь', changes: 'Изменения', from: 'С', to: 'По' },
    },
  },
};
