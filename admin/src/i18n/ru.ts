import russianMessages from 'ra-language-russian';
import { consoleWords } from './console';
import { fieldErrors, unitQuantityErrors } from './fieldErrors';
import { activityWords } from './activities';
import { clientImportWords } from './clientImport';
import { requisitionWords } from './requisitions';
import { dealWords } from './deals';
import { timelineWords } from './timeline';
import { handoverWords } from './handover';
import { contactPlanWords } from './contactPlans';

/** Подписи шапки, строк и движений, общие для всех складских документов. */
const stockDocumentFields = {
  number: 'Номер', date: 'Дата', status: 'Статус', warehouseId: 'Склад', warehouse: 'Склад', comment: 'Комментарий', postedAt: 'Проведён',
  lines: 'Строки', product: 'Товар', productId: 'Товар', quantity: 'Количество', lineNo: 'Строка', sku: 'Артикул', productName: 'Наименование', movements: 'Движения по складу', cost: 'Себестоимость',
  unit: 'Ед. изм.', available: 'Доступно', amount: 'Сумма', vat: 'НДС', vatRate: 'НДС, %', total: 'Всего',
  q: 'Поиск', dateFrom: 'Дата с', dateTo: 'Дата по', updatedAt: 'Изменён',
};

/** Русские подписи: ресурсы, поля и значения перечислений. */
export const ru = {
  ...russianMessages,
  ra: {
    ...russianMessages.ra,
    auth: { ...russianMessages.ra.auth, username: 'Электронная почта' },
    // react-admin's messages the Russian package does not have yet
    guesser: { empty: { title: 'Нет данных для показа', message: 'Проверьте поставщика данных' } },
  },
  tradebook: {
    ...requisitionWords.ru.tradebook,
    ...activityWords.ru.tradebook,
    ...dealWords.ru.tradebook,
    ...timelineWords.ru.tradebook,
    ...handoverWords.ru.tradebook,
    ...contactPlanWords.ru.tradebook,
    ...clientImportWords.ru.tradebook,
    ...consoleWords.ru,
    fieldErrors: fieldErrors.ru,
    unitQuantityErrors: unitQuantityErrors.ru,
    title: 'Tradebook',
    forbidden: 'У вас нет прав на это действие',
    notAllowed: {
      list: 'Вам не разрешено открывать раздел «%{name}»', create: 'Вам не разрешено создавать записи в разделе «%{name}»', edit: 'Вам не разрешено изменять записи в разделе «%{name}»',
      help: 'Ваши роли не дают этого права. Если оно нужно вам для работы, обратитесь к администратору.', backToList: 'К списку', openReadOnly: 'Открыть для просмотра',
    },
    tabs: { general: 'Основное', requisites: 'Реквизиты', team: 'Команда', crm: 'CRM', contacts: 'Контакты', notes: 'Заметки', orders: 'Заказы', contracts: 'Договоры', activities: 'Взаимодействия', supplierPrices: 'Цены поставщика' },
    reminders: { bell: '%{smart_count} напоминание |||| %{smart_count} напоминания |||| %{smart_count} напоминаний', none: 'Напоминать не о чем.', due: 'Напоминание: %{title}', assigned: '%{assignedByName} поручил(а) вам: %{subject} (%{clientName})', assignedMany: '%{assignedByName} поручил(а) вам %{smart_count} дело |||| %{assignedByName} поручил(а) вам %{smart_count} дела |||| %{assignedByName} поручил(а) вам %{smart_count} дел', assignedManyBySeveral: 'Коллеги (%{people}) поручили вам дел: %{smart_count}', read: 'Прочитано', snooze10: 'Через 10 мин', snooze60: 'Через час', snooze1440: 'Завтра' },
    crm: { addContact: 'Добавить контакт', noContacts: 'Контактных лиц пока нет.', note: 'Заметка', addNote: 'Добавить заметку', noteAdded: 'Заметка добавлена' },
    groupTree: 'Группы товаров',
    allGroups: 'Все группы',
    roles: { title: 'Роли и права', permission: 'Право' },
    later: 'Появится здесь, когда будет готов соответствующий раздел.',
    priceList: {
      post: 'Провести', unpost: 'Отменить проведение', cancel: 'Аннулировать',
      postDone: 'Прайс-лист %{number} проведён', unpostDone: 'Прайс-лист %{number} снова черновик', cancelDone: 'Прайс-лист %{number} аннулирован',
      unpostTitle: 'Отменить проведение %{number}?', unpostConfirm: 'Его цены и производные прайс-листы будут удалены; документ станет черновиком.',
      cancelTitle: 'Аннулировать %{number}?', cancelConfirm: 'Аннулированный прайс-лист нельзя провести снова; проведённый потеряет свои цены.',
      import: 'Импорт CSV', importTitle: 'Импорт прайс-листа из CSV', importAction: 'Импортировать',
      importSummary: 'Черновик %{number}: загружено строк — %{lines}, пропущено — %{errors}',
      openDraft: 'Открыть черновик', csvFile: 'Файл', csvHelp: 'Строка заголовка, затем «артикул;цена» в каждой строке (запятая, точка с запятой или табуляция; десятичная запятая допустима)',
      rowErrors: 'Пропущенные строки', row: 'Строка', reason: 'Причина',
      reprice: 'Переоценка группы', repriceTitle: 'Переоценка группы товаров', repriceAction: 'Создать черновик',
      repriced: 'Создан черновик %{number}, строк: %{lines}', percentHelp: '10 — поднять цены на 10 %, -5 — снизить на 5 %',
      repricedComment: 'Переоценка группы %{group}: %{change} %, округление %{rounding}', imported: 'Загружен из CSV', importedFrom: 'Загружен из файла %{file}',
      derivedFromList: 'Рассчитан от %{base}: %{code} %{change} %, округление %{rounding}', derivedFromCost: 'Рассчитан от средней себестоимости запасов: %{change} %, округление %{rounding}',
      rowReasons: {
        REQUIRED: 'не указано: %{field}', NOT_A_NUMBER: '«%{value}» — не число', NEGATIVE: 'цена не может быть отрицательной', DECIMAL_PLACES: 'в цене больше %{places} знаков после запятой',
        TOO_LARGE: 'слишком большая цена', REPEATED: 'этот артикул уже есть в строке %{line}', NOT_FOUND: 'товара с таким артикулом нет',
      },
    },
    goodsReceipt: {
      post: 'Провести', unpost: 'Отменить проведение', cancel: 'Аннулировать',
      postDone: 'Поступление %{number} проведено', unpostDone: 'Поступление %{number} снова черновик', cancelDone: 'Поступление %{number} аннулировано',
      unpostTitle: 'Отменить проведение %{number}?', unpostConfirm: 'Его партии, движения по складу, долг поставщику и записи книги покупок будут удалены; документ станет черновиком.',
      cancelTitle: 'Аннулировать %{number}?', cancelConfirm: 'Аннулированное поступление нельзя провести снова; проведённое потеряет свои движения.',
    },
    purchaseOrder: {
      post: 'Провести', unpost: 'Отменить проведение', cancel: 'Аннулировать',
      postDone: 'Заказ поставщику %{number} проведён', unpostDone: 'Заказ поставщику %{number} снова черновик', cancelDone: 'Заказ поставщику %{number} аннулирован',
      unpostTitle: 'Отменить проведение %{number}?', unpostConfirm: 'Его количества больше не числятся в заказе; документ станет черновиком. Нельзя, пока по нему есть проведённые поступления.',
      cancelTitle: 'Аннулировать %{number}?', cancelConfirm: 'По аннулированному заказу ничего нельзя принять, и провести его снова нельзя.',
      receive: 'Принять', close: 'Закрыть заказ', closeDone: 'Заказ поставщику %{number} закрыт', closeTitle: 'Закрыть %{number}?', closeConfirm: 'Непоступившее больше не числится в заказе, и принять по нему больше ничего нельзя.',
      chain: { PurchaseRequisition: 'Заявка', GoodsReceipt: 'Поступление', LandedCost: 'Доп. расходы' },
    },
    order: {
      confirm: 'Подтвердить', confirmBackorder: 'Подтвердить с дозаказом', reserve: 'Зарезервировать', release: 'Снять резерв', cancel: 'Отменить заказ',
      confirmDone: 'Заказ %{number} подтверждён', reserveDone: 'Заказ %{number} зарезервирован', releaseDone: 'Резерв заказа %{number} снят', cancelDone: 'Заказ %{number} отменён',
      confirmBackorderTitle: 'Подтвердить %{number} с дозаказом?', confirmBackorderConfirm: 'То, что не покрывает остаток, будет ждать поступления и зарезервируется, когда товар придёт.',
      releaseTitle: 'Снять резерв %{number}?', releaseConfirm: 'Всё, что заказ держит в резерве, станет свободным остатком; заказ останется подтверждённым.',
      cancelTitle: 'Отменить %{number}?', cancelConfirm: 'Отменённый заказ снимает все резервы, и подтвердить его снова нельзя.',
      ship: 'Отгрузить', invoice: 'Счёт', serviceAct: 'Акт',
      close: 'Закрыть заказ', closeDone: 'Заказ %{number} закрыт', closeTitle: 'Закрыть %{number}?', closeConfirm: 'Больше ничего не будет отгружено: резервы заказа снимаются, его отгрузки нельзя будет отменить.',
    },
    shipment: {
      post: 'Провести', unpost: 'Отменить проведение', cancel: 'Аннулировать',
      postDone: 'Отгрузка %{number} проведена', unpostDone: 'Отгрузка %{number} снова черновик', cancelDone: 'Отгрузка %{number} аннулирована',
      unpostTitle: 'Отменить проведение %{number}?', unpostConfirm: 'Товар вернётся в свои партии, продажа, долг клиента и записи книги продаж будут удалены, заказ снова будет ждать отгрузки.',
      cancelTitle: 'Аннулировать %{number}?', cancelConfirm: 'Аннулированную отгрузку нельзя провести снова.',

      return: 'Возврат',
    },
    customerReturn: {
      post: 'Провести', unpost: 'Отменить проведение', cancel: 'Аннулировать',
      postDone: 'Возврат %{number} проведён', unpostDone: 'Возврат %{number} снова черновик', cancelDone: 'Возврат %{number} аннулирован',
      unpostTitle: 'Отменить проведение %{number}?', unpostConfirm: 'Товар снова уйдёт из новых партий, продажа и долг клиента станут как до возврата.',
      cancelTitle: 'Аннулировать %{number}?', cancelConfirm: 'Аннулированный возврат нельзя провести снова.',
    },
    serviceAct: {
      post: 'Провести', unpost: 'Отменить проведение', cancel: 'Аннулировать',
      postDone: 'Акт %{number} проведён', unpostDone: 'Акт %{number} снова черновик', cancelDone: 'Акт %{number} аннулирован',
      unpostTitle: 'Отменить проведение %{number}?', unpostConfirm: 'Продажа, долг клиента и записи книги продаж будут удалены; акт станет черновиком.',
      cancelTitle: 'Аннулировать %{number}?', cancelConfirm: 'Аннулированный акт нельзя провести снова.',
    },
    invoice: {
      post: 'Провести', unpost: 'Отменить проведение', cancel: 'Аннулировать',
      postDone: 'Счёт %{number} проведён', unpostDone: 'Счёт %{number} снова черновик', cancelDone: 'Счёт %{number} аннулирован',
      unpostTitle: 'Отменить проведение %{number}?', unpostConfirm: 'Счёт снова станет черновиком.',
      cancelTitle: 'Аннулировать %{number}?', cancelConfirm: 'Аннулированный счёт нельзя провести снова.',
    },
    incomingPayment: {
      post: 'Провести', unpost: 'Отменить проведение', cancel: 'Аннулировать',
      postDone: 'Оплата %{number} проведена', unpostDone: 'Оплата %{number} снова черновик', cancelDone: 'Оплата %{number} аннулирована',
      unpostTitle: 'Отменить проведение %{number}?', unpostConfirm: 'Закрытые ею долги снова откроются, аванс исчезнет; оплата станет черновиком.',
      cancelTitle: 'Аннулировать %{number}?', cancelConfirm: 'Аннулированную оплату нельзя провести снова.',
    },
    outgoingPayment: {
      post: 'Провести', unpost: 'Отменить проведение', cancel: 'Аннулировать',
      postDone: 'Оплата поставщику %{number} проведена', unpostDone: 'Оплата поставщику %{number} снова черновик', cancelDone: 'Оплата поставщику %{number} аннулирована',
      unpostTitle: 'Отменить проведение %{number}?', unpostConfirm: 'Оплаченные ею поступления снова станут долгом, аванс исчезнет; оплата станет черновиком.',
      cancelTitle: 'Аннулировать %{number}?', cancelConfirm: 'Аннулированную оплату нельзя провести снова.',
    },
    stockTransfer: {
      post: 'Провести', unpost: 'Отменить проведение', cancel: 'Аннулировать',
      postDone: 'Перемещение %{number} проведено', unpostDone: 'Перемещение %{number} снова черновик', cancelDone: 'Перемещение %{number} аннулировано',
      unpostTitle: 'Отменить проведение %{number}?', unpostConfirm: 'Товар вернётся на склад-отправитель, партии на складе-получателе будут удалены; документ станет черновиком.',
      cancelTitle: 'Аннулировать %{number}?', cancelConfirm: 'Аннулированное перемещение нельзя провести снова; проведённое потеряет свои движения.',
    },
    writeOff: {
      post: 'Провести', unpost: 'Отменить проведение', cancel: 'Аннулировать',
      postDone: 'Списание %{number} проведено', unpostDone: 'Списание %{number} снова черновик', cancelDone: 'Списание %{number} аннулировано',
      unpostTitle: 'Отменить проведение %{number}?', unpostConfirm: 'Товар вернётся в свои партии, расход будет удалён; документ станет черновиком.',
      cancelTitle: 'Аннулировать %{number}?', cancelConfirm: 'Аннулированное списание нельзя провести снова; проведённое потеряет свои движения.',
    },
    stockCount: {
      post: 'Провести', unpost: 'Отменить проведение', cancel: 'Аннулировать',
      postDone: 'Инвентаризация %{number} проведена', unpostDone: 'Инвентаризация %{number} снова черновик', cancelDone: 'Инвентаризация %{number} аннулирована',
      unpostTitle: 'Отменить проведение %{number}?', unpostConfirm: 'Недостача вернётся в свои партии, партии излишков будут удалены; документ станет черновиком.',
      cancelTitle: 'Аннулировать %{number}?', cancelConfirm: 'Аннулированную инвентаризацию нельзя провести снова; проведённая потеряет свои движения.',
    },
    landedCost: {
      post: 'Провести', unpost: 'Отменить проведение', cancel: 'Аннулировать',
      postDone: 'Доп. расходы %{number} проведены', unpostDone: 'Доп. расходы %{number} снова черновик', cancelDone: 'Доп. расходы %{number} аннулированы',
      unpostTitle: 'Отменить проведение %{number}?', unpostConfirm: 'Все корректировки себестоимости будут сторнированы; документ станет черновиком.',
      cancelTitle: 'Аннулировать %{number}?', cancelConfirm: 'Аннулированный документ нельзя провести снова; проведённый потеряет свои корректировки.',
    },
    priceType: {
      saveRecomputes: 'Сохранение пересчитает цены %{types} с %{date}',
      saveRecomputesWithFollowers:
        'Сохранение пересчитает цены %{types} (и производных от него %{followers}) с %{date} |||| Сохранение пересчитает цены %{types} (и производных от них %{followers}) с %{date} |||| Сохранение пересчитает цены %{types} (и производных от них %{followers}) с %{date}',
      recomputeNote: 'Будут проведены цены %{types} с %{date}; прежние прайс-листы остаются',
      recomputeNoteWithFollowers: 'Будут проведены цены %{types} (и производных от него %{followers}) с %{date}; прежние прайс-листы остаются',
      recompute: 'Пересчитать', recomputeTitle: 'Пересчёт цен %{code}', validFrom: 'Пересчитать с',
      recomputeDone:
        'Цены %{code} пересчитаны с %{date}: проведён %{smart_count} прайс-лист |||| Цены %{code} пересчитаны с %{date}: проведено %{smart_count} прайс-листа |||| Цены %{code} пересчитаны с %{date}: проведено %{smart_count} прайс-листов',
    },
    print: { button: 'Печать' },
    documents: { line: 'Строка %{number}', lineShort: 'строка %{number}' },
    errors: {
      INSUFFICIENT_STOCK: 'Недостаточно товара %{product} на складе %{warehouse}: требуется %{requested}, в наличии %{available}',
      PERIOD_CLOSED: 'Период закрыт по %{closedThrough}: документ от %{date} нельзя ни провести, ни отменить его проведение',
      INVALID_STATE: {
        LOTS_CONSUMED: 'Отменить проведение документа нельзя: товар из его партий уже взяли документы %{consumers}; сначала отмените их проведение',
        COST_ADJUSTED: 'Отменить проведение документа нельзя: его себестоимость скорректирована доп. расходами (%{adjustedBy}); сначала отмените проведение доп. расходов',
        NO_LINES: 'В документе нет строк: проводить нечего',
        NOT_DERIVED: 'Цены %{code} задаются вручную: пересчитываются только производные типы цен и типы от себестоимости',
        PRICE_TYPE_INACTIVE: 'Тип цен %{code} не активен: включите его, чтобы пересчитать цены',
        NO_BASE_PRICES: 'Пересчитывать %{code} с %{date} нечего: у базового типа цен нет цен ни на эту дату, ни позже',
        NO_STOCK: 'Рассчитывать нечего: на складах нет товара, себестоимости для цен нет',
        STATUS_DRAFT: 'Документ — черновик: отменить проведение можно только у проведённого документа',
        STATUS_POSTED: 'Документ проведён: изменить, провести или удалить можно только черновик; сначала отмените проведение',
        STATUS_CANCELLED: 'Документ отменён: его больше нельзя ни изменить, ни провести, ни отменить',
      },
      CONFLICT: {
        DATABASE_BUSY: 'База данных была занята одновременными изменениями; повторите попытку',
        STALE_VERSION: 'Эту запись тем временем изменил кто-то другой; обновите её и внесите изменения заново',
      },
    },
    stock: { valuationTitle: 'Стоимость запасов', balancesTitle: 'Остатки товаров', lotsTitle: 'Партии', lotsLink: 'Партии', chooseProductAndWarehouse: 'Выберите товар и склад.' },
    periodClose: {
      title: 'Закрытие периода', closedThrough: 'Период закрыт по %{date}', open: 'Закрытых периодов нет', setBy: 'Установил %{name}, %{at}',
      help: 'Документы с датой по дату закрытия включительно нельзя ни провести, ни отменить их проведение. Поздняя дата закрывает период, ранняя (или пустая) — открывает.',
      save: 'Сохранить', closed: 'Период закрыт по %{date}', opened: 'Все периоды открыты',
    },
    apiKeys: {
      createTitle: 'Новый API-ключ', create: 'Создать ключ', key: 'API-ключ',
      help: 'Ключ позволяет собственному серверу клиента (интернет-магазину, учётной системе) работать с API без пароля человека. Он действует как пользователь-партнёр этого клиента: видит карточку клиента, его цены и то, что разрешено партнёру, и ничего больше. Сервер передаёт его заголовком «Authorization: Bearer <ключ>».',
      created: 'API-ключ «%{name}» создан',
      shownOnce: 'Скопируйте ключ сейчас: больше он показан не будет. Храните его в секретах сервера партнёра; если ключ потерян, отзовите его и создайте новый.',
      copy: 'Копировать', copied: 'Ключ скопирован', copyByHand: 'Здесь копирование запрещено: выделите ключ и скопируйте его вручную', done: 'Готово',
      revoke: 'Отозвать', revokeTitle: 'Отозвать «%{name}»?', revokeConfirm: 'С этой минуты все серверы с этим ключом получат отказ, а их открытые соединения будут закрыты. Отменить это нельзя: понадобится новый ключ.',
      revoked: 'API-ключ «%{name}» отозван',
    },
    companyDetails: { title: 'Реквизиты организации', help: 'Печатаются на каждой форме: организация как сторона, её банковский счёт, кто подписывает, логотип, печать и подписи (PNG или JPEG, не больше 256 КБ каждая).', changedBy: 'Изменил %{name} %{at}', saved: 'Реквизиты сохранены', choose: 'Выбрать…', remove: 'Убрать', tooLarge: 'Изображение больше 256 КБ' },
    pricingSettings: {
      title: 'Настройки цен', role: 'Роль', manualCap: 'Предел ручной скидки, %', totalCap: 'Общий предел скидки по строке, %', belowCost: 'Может продавать ниже себестоимости',
      help: 'Пользователь получает наибольший предел среди своих ролей. Общий предел считает правила скидок и ручную скидку вместе (100 — без предела): правила урезаются до него, ручная скидка сверх него не принимается.',
      changedBy: 'Изменил %{name}, %{at}', saved: 'Настройки цен сохранены',
    },
    priceCheck: {
      title: 'Проверка цены', calculate: 'Рассчитать', heading: '%{client}: тип цен %{priceType}',
      vatIncluded: 'НДС включён в цены', vatOnTop: 'НДС сверху', manualCap: 'ваш лимит ручной скидки',
      promoRecognised: 'Промокод %{code} распознан', promoUnknown: 'Промокод %{code} не подходит ни к одному действующему правилу',
      breakdown: 'Расчёт', totals: 'Итоги', product: 'Товар', quantity: 'Кол-во', basePrice: 'Базовая цена', discounts: 'Скидки',
      finalUnitPrice: 'Итоговая цена', amount: 'Сумма', vat: 'НДС', total: 'Всего', validFrom: 'с %{date}', manualDiscount: 'Ручная скидка', rounding: 'Округление',
      totalCap: 'ваш общий лимит скидки', noLimit: 'нет', ruleTrimmed: '%{percent} % из %{rulePercent} %',
      limitedBy_TOTAL_DISCOUNT_CAP: 'ограничено вашим общим лимитом скидки', limitedBy_MINIMUM_PRICE: 'ограничено минимальной ценой',
      totals_amountBeforeDiscounts: 'До скидок', totals_netAmountBeforeDiscounts: 'До скидок, без НДС (для порогов суммы)', totals_discountTotal: 'Скидки', totals_rounding: 'Округление', totals_amount: 'Сумма', totals_vat: 'НДС', totals_total: 'Всего',
    },
  },
  enums: {
    ...requisitionWords.ru.enums,
    ...activityWords.ru.enums,
    ...dealWords.ru.enums,
    ...timelineWords.ru.enums,
    ...clientImportWords.ru.enums,
    ProductKind: { GOODS: 'Товар', SERVICE: 'Услуга' },
    CounterpartyKind: { COMPANY: 'Юридическое лицо', PERSON: 'Физическое лицо / ИП' },
    CounterpartyRole: { CLIENT: 'Клиент', SUPPLIER: 'Поставщик' },
    Role: {
      ADMIN: 'Администратор', SALES_HEAD: 'Руководитель продаж', SALES_MANAGER: 'Менеджер по продажам', WAREHOUSE: 'Склад',
      PURCHASING: 'Закупки', MARKETING: 'Маркетинг', SERVICE: 'Сервис', ACCOUNTANT: 'Бухгалтер', PARTNER: 'Партнёр',
    },
    AuditAction: { CREATE: 'Создание', UPDATE: 'Изменение', DELETE: 'Удаление' },
    DocumentStatus: { DRAFT: 'Черновик', POSTED: 'Проведён', CANCELLED: 'Аннулирован' },
    ReturnCondition: { RESALEABLE: 'Годен к продаже', DEFECTIVE: 'Брак' },
    ClientStatus: { LEAD: 'Лид', PROSPECT: 'Потенциальный', CUSTOMER: 'Клиент', LOST: 'Потерян' },
    ClientReferenceKind: { REGION: 'Регион', INDUSTRY: 'Отрасль', SEGMENT: 'Сегмент', LEAD_SOURCE: 'Источник' },
    ChannelType: { PHONE: 'Телефон', MOBILE: 'Мобильный', EMAIL: 'Почта', TELEGRAM: 'Telegram', WHATSAPP: 'WhatsApp', OTHER: 'Другое' },
    PaymentMethod: { BANK: 'Банк', CASH: 'Касса' },
    OrderStatus: { DRAFT: 'Черновик', CONFIRMED: 'Подтверждён', PARTIALLY_SHIPPED: 'Отгружен частично', SHIPPED: 'Отгружен', CLOSED: 'Закрыт', CANCELLED: 'Отменён' },
    LandedCostMethod: { VALUE: 'По стоимости', QUANTITY: 'По количеству', WEIGHT: 'По весу', MANUAL: 'Вручную' },
    CostAdjustmentKind: { LOT: 'Партия на складе', COGS: 'Себестоимость продаж', TRANSFER: 'Перемещённый товар', EXPENSE: 'Списанный товар' },
    WriteOffReason: { DAMAGE: 'Порча', SHORTAGE: 'Недостача', EXPIRY: 'Истёк срок годности', OWN_USE: 'Собственные нужды', OTHER: 'Прочее' },
    PriceDerivation: { NONE: 'Задаётся вручную', FROM_PRICE_TYPE: 'От другого типа цен', FROM_COST: 'От себестоимости' },
    PriceRounding: { KOPECK: 'До копейки (0,01)', ROUBLE: 'До рубля (1)', TEN_ROUBLES: 'До десяти рублей (10)' },
    PriceListSource: { MANUAL: 'Вручную', IMPORT: 'Импорт', REPRICE: 'Переоценка', DERIVED: 'Производный' },
    DiscountRuleKind: {
      ORDER_AMOUNT_TIER: 'По сумме заказа', QUANTITY_BREAK: 'По количеству', PRODUCT_GROUP: 'На группу товаров', CLIENT_SEGMENT: 'Сегмент клиента',
      PURCHASE_HISTORY: 'По истории покупок', PROMO_CODE: 'Промокод',
    },
    DiscountStacking: { COMBINABLE: 'Суммируется', EXCLUSIVE: 'Исключительная' },
  },
  resources: {
    ...requisitionWords.ru.resources,
    ...activityWords.ru.resources,
    ...dealWords.ru.resources,
    ...handoverWords.ru.resources,
    ...contactPlanWords.ru.resources,
    ...clientImportWords.ru.resources,
    Product: {
      name: 'Товар |||| Товары',
      fields: { sku: 'Артикул', name: 'Наименование', description: 'Описание', kind: 'Вид', unitId: 'Единица', unit: 'Единица', groupId: 'Группа', group: 'Группа', vatRate: 'НДС, %', barcode: 'Штрихкод', weight: 'Вес, кг', active: 'Активен', updatedAt: 'Изменён', q: 'Поиск' },
    },
    ProductGroup: { name: 'Группа товаров |||| Группы товаров', fields: { name: 'Наименование', parentId: 'Родительская группа', parent: 'Родительская группа', path: 'Путь', q: 'Поиск' } },
    Unit: { name: 'Единица измерения |||| Единицы измерения', fields: { code: 'Код', name: 'Наименование', okeiCode: 'Код ОКЕИ', shortName: 'Обозначение', precision: 'Знаков после запятой', q: 'Поиск' } },
    Warehouse: { name: 'Склад |||| Склады', fields: { code: 'Код', name: 'Наименование', address: 'Адрес', allowsNegativeStock: 'Разрешён отрицательный остаток', partnerShipping: 'Отгружает партнёрам', active: 'Активен', q: 'Поиск' } },
    Counterparty: {
      name: 'Контрагент |||| Контрагенты',
      fields: {
        allowDuplicate: 'Намеренный дубль',
        status: 'Статус', lostReason: 'Причина потери', region: 'Регион', regionId: 'Регион', industry: 'Отрасль', industryId: 'Отрасль', segment: 'Сегмент', segmentId: 'Сегмент',
        leadSource: 'Источник', leadSourceId: 'Источник', tags: 'Метки', tag: 'Метка', website: 'Сайт',
        name: 'Наименование', fullName: 'Полное наименование', kind: 'Вид', roles: 'Роли', role: 'Роль', inn: 'ИНН', kpp: 'КПП', legalAddress: 'Юридический адрес', actualAddress: 'Фактический адрес',
        phone: 'Телефон', email: 'Эл. почта', ownerId: 'Ответственный', owner: 'Ответственный', teamMemberIds: 'Команда', teamMembers: 'Команда', comment: 'Комментарий', active: 'Активен', q: 'Поиск',
        priceTypeId: 'Тип цен', priceType: 'Тип цен',
        'bank.bankName': 'Банк', 'bank.bik': 'БИК', 'bank.account': 'Расчётный счёт', 'bank.correspondentAccount': 'Корр. счёт', updatedAt: 'Изменён',
      },
      helpers: { allowDuplicate: "allowDuplicate: 'Филиал или второе юрлицо уже известного клиента: сохранить, несмотря на тот же ИНН, телефон или почту'", tags: 'Через запятую: vip, опт' },
    },
    ClientReference: {
      name: 'Элемент справочника |||| Справочники клиентов',
      fields: { kind: 'Справочник', name: 'Название', defaultPriceTypeId: 'Тип цен по умолчанию', defaultPriceType: 'Тип цен по умолчанию', active: 'Активен', q: 'Поиск' },
      helpers: { defaultPriceType: 'Для клиентов сегмента без собственного типа цен' },
    },
    Contact: {
      name: 'Контакт |||| Контакты',
      fields: {
        counterpartyId: 'Клиент', counterparty: 'Клиент', name: 'ФИО', position: 'Должность', birthday: 'День рождения', channels: 'Каналы связи', type: 'Тип', value: 'Значение',
        primary: 'Основной', notes: 'Заметки', active: 'Активен', q: 'Поиск',
      },
    },
    User: {
      name: 'Пользователь |||| Пользователи',
      fields: { email: 'Эл. почта', name: 'Имя', roles: 'Роли', role: 'Роль', team: 'Команда', active: 'Активен', password: 'Пароль', counterpartyId: 'Контрагент (для партнёров)', lastLoginAt: 'Последний вход', q: 'Поиск' },
    },
    ApiKey: {
      name: 'API-ключ |||| API-ключи',
      fields: {
        name: 'Название', counterparty: 'Клиент', counterpartyId: 'Клиент', prefix: 'Начало ключа', createdAt: 'Создан', createdBy: 'Создал', lastUsedAt: 'Последнее использование',
        revokedAt: 'Отозван', revokedBy: 'Отозвал', revoked: 'Отозван', secretHash: 'Хеш ключа', q: 'Поиск',
      },
    },
    Role: { name: 'Роль |||| Роли' },
    PriceType: {
      name: 'Тип цен |||| Типы цен',
      fields: {
        code: 'Код', name: 'Наименование', vatIncluded: 'НДС в цене', rounding: 'Округление', derivation: 'Способ расчёта', basePriceTypeId: 'Базовый тип цен', basePriceType: 'Базовый тип',
        adjustmentPercent: 'Наценка / скидка, %', isDefault: 'По умолчанию', active: 'Активен', q: 'Поиск', updatedAt: 'Изменён', recomputeFrom: 'Пересчитать с',
      },
      helpers: {
        adjustmentPercent: '-12: на 12 % ниже цены базового типа без НДС; 30: себестоимость + 30 %',
        recomputeFrom: 'Пересчитанные цены действуют с этого дня; прежние прайс-листы остаются',
      },
    },
    PriceList: {
      name: 'Прайс-лист |||| Прайс-листы',
      fields: {
        number: 'Номер', date: 'Действует с', status: 'Статус', source: 'Источник', priceTypeId: 'Тип цен', priceType: 'Тип цен', groupId: 'Группа товаров', group: 'Группа товаров',
        comment: 'Комментарий', postedAt: 'Проведён', lines: 'Строки', product: 'Товар', productId: 'Товар', price: 'Цена', lineNo: 'Строка', sku: 'Артикул', productName: 'Наименование', unit: 'Ед. изм.',
        records: 'Записи регистра цен', validFrom: 'Действует с', derivedPriceLists: 'Производные прайс-листы', basePriceListId: 'Базовый прайс-лист',
        csv: 'Строки (артикул;цена)', percent: 'Изменение, %', rounding: 'Округление', q: 'Поиск', dateFrom: 'Дата с', dateTo: 'Дата по', updatedAt: 'Изменён',
      },
    },
    PriceListLine: { name: 'Строка прайс-листа |||| Строки прайс-листов' },
    DiscountRule: {
      name: 'Правило скидки |||| Правила скидок',
      fields: {
        name: 'Наименование', kind: 'Вид', percent: 'Скидка, %', capPercent: 'Не более, %', promoCode: 'Промокод', activeFrom: 'Действует с', activeTo: 'Действует по', priority: 'Приоритет',
        stacking: 'Совмещение', active: 'Активно', tiers: 'Пороги суммы', breaks: 'Пороги количества', days: 'За последние дни', segmentId: 'Сегмент клиента', groupId: 'Группа товаров',
        threshold: 'От суммы', minQuantity: 'От количества', stepPercent: 'Скидка, %', q: 'Поиск', activeOn: 'Действует на дату', updatedAt: 'Изменено',
      },
      helpers: {
        capPercent: 'Наибольшая скидка по этому правилу', activeTo: 'Включительно; пусто — бессрочно', priority: 'Меньшее значение применяется раньше среди суммируемых',
        segmentId: 'Сегменты клиентов появятся вместе с модулем CRM',
      },
    },
    PriceCheck: {
      name: 'Проверка цены',
      fields: { clientId: 'Клиент', date: 'Дата', promoCode: 'Промокод', lines: 'Товары', product: 'Товар', productId: 'Товар', quantity: 'Количество', manualDiscountPercent: 'Ручная скидка, %' },
    },
    PurchaseOrder: {
      name: 'Заказ поставщику |||| Заказы поставщикам',
      fields: { ...stockDocumentFields, supplierId: 'Поставщик', supplier: 'Поставщик', expectedDate: 'Ожидается', paymentDays: 'Отсрочка, дней', receiptTolerancePercent: 'Допуск сверх заказа, %', closedAt: 'Закрыт', price: 'Цена', vatRate: 'НДС, %', productVatRate: 'Ставка товара', amount: 'Сумма', vat: 'НДС', chain: 'Откуда строка и что по ней пришло', chainDocument: 'Документ', priceVariance: 'Отклонение цены' },
    },
    PurchaseControl: {
      name: 'Контроль закупок',
      fields: { asOf: 'На дату', supplierId: 'Поставщик', onlyOpen: 'Только открытые', onlyOverdue: 'Только просроченные', orderNumber: 'Заказ', lineNo: 'Строка', product: 'Товар', expectedDate: 'Ожидается', ordered: 'Заказано', received: 'Поступило', remaining: 'Осталось', overdue: 'Просрочено', onTime: 'Вовремя и полностью', delayDays: 'Задержка, дней', priceVariance: 'Отклонение цены' },
    },
    SupplierScorecard: {
      name: 'Оценка поставщиков',
      fields: { dateFrom: 'Заказы с', dateTo: 'Заказы по', supplier: 'Поставщик', orders: 'Заказов', lines: 'Строк', linesOnTimeInFull: 'Вовремя и полностью', otifPercent: 'OTIF, %', averageDelayDays: 'Средняя задержка, дней', priceVariance: 'Отклонение цены' },
    },
    GoodsReceipt: {
      name: 'Поступление товаров |||| Поступления товаров',
      fields: {
        ...stockDocumentFields, supplierId: 'Поставщик', supplier: 'Поставщик',
        unitCost: 'Цена', vatRate: 'НДС, %', productVatRate: 'Ставка товара', amount: 'Сумма', vat: 'НДС',
      },
    },
    Order: {
      name: 'Заказ |||| Заказы',
      fields: {
        ...stockDocumentFields, clientId: 'Клиент', client: 'Клиент', manager: 'Менеджер', managerId: 'Менеджер', priceType: 'Тип цен', promisedDate: 'Обещан к', paymentTermsDays: 'Отсрочка, дней',
        promoCode: 'Промокод', confirmedAt: 'Подтверждён', manualDiscountPercent: 'Скидка, %', basePrice: 'Базовая цена', finalUnitPrice: 'Цена', reserved: 'В резерве', reservations: 'Где', backordered: 'Ожидается', shipped: 'Отгружено', returned: 'Возвращено', remaining: 'К отгрузке',
      },
    },
    Shipment: { name: 'Отгрузка |||| Отгрузки', fields: { ...stockDocumentFields, clientId: 'Клиент', client: 'Клиент', price: 'Цена', unitPrice: 'Цена', discount: 'Скидка', vatIncluded: 'НДС в цене', paymentTermsDays: 'Отсрочка, дней', order: 'Заказ' } },
    CustomerReturn: { name: 'Возврат от клиента |||| Возвраты от клиентов', fields: { ...stockDocumentFields, clientId: 'Клиент', client: 'Клиент', price: 'Цена', unitPrice: 'Цена', discount: 'Скидка', vatIncluded: 'НДС в цене', paymentTermsDays: 'Отсрочка, дней', shipment: 'Отгрузка', shipmentId: 'Отгрузка', shipmentLineNo: 'Строка отгрузки', reason: 'Причина', condition: 'Состояние', writeOffId: 'Списание' } },
    ServiceAct: { name: 'Акт выполненных работ |||| Акты выполненных работ', fields: { ...stockDocumentFields, clientId: 'Клиент', client: 'Клиент', price: 'Цена', unitPrice: 'Цена', discount: 'Скидка', vatIncluded: 'НДС в цене', paymentTermsDays: 'Отсрочка, дней', dueDate: 'Срок оплаты' } },
    Invoice: { name: 'Счёт на оплату |||| Счета на оплату', fields: { ...stockDocumentFields, clientId: 'Клиент', client: 'Клиент', price: 'Цена', unitPrice: 'Цена', discount: 'Скидка', vatIncluded: 'НДС в цене', paymentTermsDays: 'Отсрочка, дней', payUntil: 'Оплатить до' } },
    IncomingPayment: { name: 'Оплата |||| Оплаты', fields: { ...stockDocumentFields, clientId: 'Клиент', client: 'Клиент', price: 'Цена', unitPrice: 'Цена', discount: 'Скидка', vatIncluded: 'НДС в цене', paymentTermsDays: 'Отсрочка, дней', method: 'Способ', advance: 'Остаток аванса', applications: 'Закрыто', documentType: 'Документ' } },
    OutgoingPayment: { name: 'Оплата поставщику |||| Оплаты поставщикам', fields: { ...stockDocumentFields, supplierId: 'Поставщик', supplier: 'Поставщик', method: 'Способ', receiptId: 'Оплачиваемое поступление', advance: 'Остаток аванса', applications: 'Закрыто', documentType: 'Документ' } },
    PayablesAgeing: {
      name: 'Долги поставщикам',
      fields: {
        supplier: 'Поставщик', receivable: 'Должны мы', notDue: 'Срок не наступил', overdue1to30: '1–30 дней', overdue31to60: '31–60 дней', overdue61to90: '61–90 дней', overdueOver90: 'Более 90 дней', advances: 'Авансы выданные', balance: 'Сальдо',
        asOf: 'На дату', asOfDay: 'На %{date}', total: 'Итого', reconciliation: 'Акт сверки', from: 'С', to: 'По', show: 'Показать', date: 'Дата', document: 'Документ', debit: 'Дебет', credit: 'Кредит',
        opening: 'Сальдо на %{date}', closing: 'Сальдо на %{date}', turnover: 'Обороты',
      },
    },
    ReceivablesAgeing: {
      name: 'Дебиторская задолженность',
      fields: {
        client: 'Клиент', receivable: 'Долг', notDue: 'Срок не наступил', overdue1to30: '1–30 дней', overdue31to60: '31–60 дней', overdue61to90: '61–90 дней', overdueOver90: 'Более 90 дней', advances: 'Авансы', balance: 'Сальдо',
        asOf: 'На дату', asOfDay: 'На %{date}', total: 'Итого', reconciliation: 'Акт сверки', from: 'С', to: 'По', show: 'Показать', date: 'Дата', document: 'Документ', debit: 'Дебет', credit: 'Кредит',
        opening: 'Сальдо на %{date}', closing: 'Сальдо на %{date}', turnover: 'Обороты',
      },
    },
    StockTransfer: {
      name: 'Перемещение товаров |||| Перемещения товаров',
      fields: { ...stockDocumentFields, fromWarehouseId: 'Склад-отправитель', fromWarehouse: 'Склад-отправитель', toWarehouseId: 'Склад-получатель', toWarehouse: 'Склад-получатель' },
    },
    WriteOff: { name: 'Списание товаров |||| Списания товаров', fields: { ...stockDocumentFields, reason: 'Причина' } },
    StockCount: {
      name: 'Инвентаризация |||| Инвентаризации',
      fields: {
        ...stockDocumentFields, groupId: 'Группа товаров', groupIdHelp: 'Заполнить только товарами этой группы и вложенных групп',
        prefill: 'Заполнить по учётным остаткам', prefillHelp: 'Строка на каждый товар склада на конец даты, фактическое количество = учётному',
        bookQuantity: 'По учёту', countedQuantity: 'Фактически', difference: 'Отклонение', differenceCost: 'Сумма отклонения',
      },
    },
    LandedCost: {
      name: 'Доп. расходы |||| Доп. расходы',
      fields: {
        ...stockDocumentFields, supplierId: 'Поставщик', supplier: 'Поставщик', description: 'Содержание', amount: 'Сумма', amountHelp: 'Без НДС',
        vatRate: 'НДС, %', vat: 'НДС', method: 'Распределение', goodsReceiptIds: 'Поступления целиком', goodsReceiptIdsHelp: 'Добавляются все строки этих проведённых поступлений',
        goodsReceipt: 'Поступление', goodsReceiptLine: 'Строка поступления', chooseReceiptFirst: 'Сначала выберите поступление', receiptAmount: 'Сумма поступления',
        weight: 'Вес, кг', weightHelp: 'Всей строки; пусто — вес товара × количество', manualAmount: 'Сумма вручную', allocated: 'Распределено',
        adjustments: 'Корректировки себестоимости', kind: 'Вид', targetNumber: 'Документ', unitCostDelta: 'Рост цены единицы',
      },
    },
    StockBalance: {
      name: 'Остаток |||| Остатки товаров',
      fields: {
        warehouseId: 'Склад', warehouse: 'Склад', productId: 'Товар', groupId: 'Группа товаров', onlyNonZero: 'Только ненулевые', asOf: 'На дату (конец дня)',
        sku: 'Артикул', productName: 'Наименование', unit: 'Ед. изм.', onHand: 'В наличии', reserved: 'В резерве', available: 'Доступно', averageUnitCost: 'Средняя себестоимость', cost: 'Стоимость', lots: 'Партии',
      },
    },
    StockLot: {
      name: 'Партия |||| Партии',
      fields: {
        productId: 'Товар', warehouseId: 'Склад', onlyOpen: 'Только с остатком', date: 'Дата', recorderType: 'Документ', recorderLine: 'Строка',
        qtyIn: 'Поступило', qtyRemaining: 'Осталось', unitCost: 'Цена за единицу', valueRemaining: 'Стоимость остатка',
      },
    },
    StockValuation: {
      name: 'Стоимость запасов',
      fields: {
        warehouseId: 'Склад', groupId: 'Группа товаров', asOf: 'На дату (конец дня)', warehouse: 'Склад', group: 'Группа товаров', quantity: 'Количество', value: 'Стоимость',
        noGroup: 'Без группы', warehouseTotal: 'Итого %{warehouse}', total: 'Всего', atEndOf: 'На конец %{date}', now: 'Сейчас',
      },
    },
    CompanyDetails: { name: 'Реквизиты организации', fields: { legalName: 'Полное наименование', inn: 'ИНН', kpp: 'КПП', ogrn: 'ОГРН', address: 'Юридический адрес', bankName: 'Банк', bik: 'БИК', correspondentAccount: 'Корреспондентский счёт', account: 'Расчётный счёт', director: 'Руководитель', chiefAccountant: 'Главный бухгалтер', logo: 'Логотип', stamp: 'Печать', directorSignature: 'Подпись руководителя', chiefAccountantSignature: 'Подпись главного бухгалтера' } },
    PricingSettings: { name: 'Настройки цен', fields: { percent: 'Процент', role: 'Роль' } },
    PeriodClose: { name: 'Закрытие периода', fields: { closedThrough: 'Период закрыт по', through: 'Период закрыт по' } },
    AuditEntry: {
      name: 'Запись журнала |||| Журнал изменений',
      fields: { at: 'Когда', entity: 'Тип записи', entityId: 'Запись', action: 'Действие', userId: 'Пользователь', user: 'Пользователь', changes: 'Изменения', from: 'С', to: 'По' },
    },
  },
};
