/** The words of the client import wizard, the clients export and the merge of duplicates (issue 13 §1–2), spread into en and ru. */
const rowFields = {
  en: {
    name: 'Name', inn: 'INN', kpp: 'KPP', phone: 'Phone', email: 'Email', website: 'Website', status: 'Status', region: 'Region', industry: 'Industry', segment: 'Segment', leadSource: 'Lead source',
    tags: 'Tags', owner: 'Owner', notes: 'Notes', contactName: 'Contact person', contactPosition: 'Contact position', contactPhone: 'Contact phone', contactEmail: 'Contact email',
    file: 'File', format: 'Format', sheet: 'Sheet', headerRow: 'Header line', mapping: 'Column mapping',
  },
  ru: {
    name: 'Название', inn: 'ИНН', kpp: 'КПП', phone: 'Телефон', email: 'Email', website: 'Сайт', status: 'Статус', region: 'Регион', industry: 'Отрасль', segment: 'Сегмент', leadSource: 'Источник',
    tags: 'Теги', owner: 'Ответственный', notes: 'Заметки', contactName: 'Контактное лицо', contactPosition: 'Должность контакта', contactPhone: 'Телефон контакта', contactEmail: 'Email контакта',
    file: 'Файл', format: 'Формат', sheet: 'Лист', headerRow: 'Строка заголовков', mapping: 'Сопоставление столбцов',
  },
};

export const clientImportWords = {
  en: {
    tradebook: {
      clientImport: {
        title: 'Import clients', file: 'Spreadsheet file', help: 'Choose an XLSX or CSV file with a header line. Map each column to a field (columns left out are ignored), run a dry run to see what every row would do, then import.',
        rows: 'Sheet %{sheet}: %{rows} rows', column: 'Column', sample: 'First row', field: 'Field', ignore: '— leave out —', onDuplicate: 'A client we already have',
        dryRun: 'Dry run', import: 'Import', row: 'Row', action: 'Action', client: 'Client', reasons: 'Reasons',
        drySummary: 'A dry run: %{created} to create, %{updated} to update, %{skipped} to skip, %{refused} refused. Nothing was written yet.',
        doneSummary: 'Imported: %{created} created, %{updated} updated, %{skipped} skipped, %{refused} refused.',
        imported: '%{created} clients created, %{updated} updated',
        export: 'Export to XLSX', mergeInto: 'Merge into…', mergeTitle: 'Merge %{name} into another client', keep: 'The client that stays', merge: 'Merge',
        mergeHelp: 'Everything of %{name} — orders, shipments, payments, settlements, contacts, notes, its team — moves to the client chosen, and %{name} is deleted. This cannot be undone.',
        merged: '%{merged} merged into %{kept}',
      },
    },
    enums: {
      ClientImportField: {
        NAME: 'Name', INN: 'INN', KPP: 'KPP', PHONE: 'Phone', EMAIL: 'Email', WEBSITE: 'Website', STATUS: 'Status', REGION: 'Region (by name)', INDUSTRY: 'Industry (by name)', SEGMENT: 'Segment (by name)',
        LEAD_SOURCE: 'Lead source (by name)', TAGS: 'Tags (comma-separated)', OWNER: 'Owner (by email)', NOTES: 'Note', CONTACT_NAME: 'Contact: name', CONTACT_POSITION: 'Contact: position',
        CONTACT_PHONE: 'Contact: phone', CONTACT_EMAIL: 'Contact: email',
      },
      ClientImportAction: { CREATE: 'Create', UPDATE: 'Update', SKIP: 'Skip', REFUSE: 'Refused' },
      ClientImportOnDuplicate: { SKIP: 'Skip the row', UPDATE: 'Update that client', CREATE: 'Create a duplicate anyway' },
    },
    resources: { ClientImport: { name: 'Client import', fields: rowFields.en } },
  },
  ru: {
    tradebook: {
      clientImport: {
        title: 'Импорт клиентов', file: 'Файл таблицы', help: 'Выберите файл XLSX или CSV со строкой заголовков. Сопоставьте столбцы с полями (остальные не загружаются), сделайте пробный прогон — он покажет, что будет с каждой строкой, — и загрузите.',
        rows: 'Лист %{sheet}: строк %{rows}', column: 'Столбец', sample: 'Первая строка', field: 'Поле', ignore: '— не загружать —', onDuplicate: 'Если клиент уже есть',
        dryRun: 'Пробный прогон', import: 'Загрузить', row: 'Строка', action: 'Действие', client: 'Клиент', reasons: 'Причины',
        drySummary: 'Пробный прогон: создать %{created}, обновить %{updated}, пропустить %{skipped}, отказано %{refused}. Пока ничего не записано.',
        doneSummary: 'Загружено: создано %{created}, обновлено %{updated}, пропущено %{skipped}, отказано %{refused}.',
        imported: 'Клиентов создано: %{created}, обновлено: %{updated}',
        export: 'Выгрузить в XLSX', mergeInto: 'Объединить с…', mergeTitle: 'Объединить %{name} с другим клиентом', keep: 'Клиент, который остаётся', merge: 'Объединить',
        mergeHelp: 'Всё, что есть у %{name}, — заказы, отгрузки, оплаты, взаиморасчёты, контакты, заметки, команда — перейдёт к выбранному клиенту, а %{name} будет удалён. Отменить это нельзя.',
        merged: '%{merged} объединён с %{kept}',
      },
    },
    enums: {
      ClientImportField: {
        NAME: 'Название', INN: 'ИНН', KPP: 'КПП', PHONE: 'Телефон', EMAIL: 'Email', WEBSITE: 'Сайт', STATUS: 'Статус', REGION: 'Регион (по названию)', INDUSTRY: 'Отрасль (по названию)', SEGMENT: 'Сегмент (по названию)',
        LEAD_SOURCE: 'Источник (по названию)', TAGS: 'Теги (через запятую)', OWNER: 'Ответственный (по email)', NOTES: 'Заметка', CONTACT_NAME: 'Контакт: имя', CONTACT_POSITION: 'Контакт: должность',
        CONTACT_PHONE: 'Контакт: телефон', CONTACT_EMAIL: 'Контакт: email',
      },
      ClientImportAction: { CREATE: 'Создать', UPDATE: 'Обновить', SKIP: 'Пропустить', REFUSE: 'Отказано' },
      ClientImportOnDuplicate: { SKIP: 'Пропустить строку', UPDATE: 'Обновить этого клиента', CREATE: 'Всё равно создать дубль' },
    },
    resources: { ClientImport: { name: 'Импорт клиентов', fields: rowFields.ru } },
  },
};
