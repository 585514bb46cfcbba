/** The words of contact plans and the activity report (issue 13, items 5 and 11), spread into en and ru. */
export const contactPlanWords = {
  en: {
    tradebook: {
      contactPlan: {
        clientOrSegment: 'A plan of one client, or the default of a segment for its clients without a plan of their own: choose one of them.',
        overdueTile: 'Overdue contact plans', overdueClients: 'client late |||| clients late', owner: 'Owner', daysOverdue: 'Days overdue',
      },
    },
    resources: {
      ContactPlan: {
        name: 'Contact plan |||| Contact plans',
        fields: { clientId: 'Client', segmentId: 'Segment (default)', everyDays: 'Every, days', activityTypes: 'Counts as contact', active: 'Active', client: 'Client', segment: 'Segment', segmentDefaults: 'Segment defaults' },
      },
      ActivityReport: {
        name: 'Activity report',
        fields: {
          from: 'From', to: 'To', owner: 'Manager', planned: 'Planned', done: 'Done', overdue: 'Overdue', newClients: 'New clients', dealsWon: 'Deals won', dealsWonAmount: 'Won, amount',
          dealsLost: 'Deals lost', dealsLostAmount: 'Lost, amount', orders: 'Orders', revenue: 'Revenue excl. VAT',
        },
      },
    },
  },
  ru: {
    tradebook: {
      contactPlan: {
        clientOrSegment: 'План одного клиента или план сегмента по умолчанию для его клиентов без своего плана: выберите что-то одно.',
        overdueTile: 'Просроченные планы контактов', overdueClients: 'клиент просрочен |||| клиента просрочено |||| клиентов просрочено', owner: 'Ответственный', daysOverdue: 'Дней просрочки',
      },
    },
    resources: {
      ContactPlan: {
        name: 'План контактов |||| Планы контактов',
        fields: { clientId: 'Клиент', segmentId: 'Сегмент (по умолчанию)', everyDays: 'Каждые, дней', activityTypes: 'Считается контактом', active: 'Активен', client: 'Клиент', segment: 'Сегмент', segmentDefaults: 'По умолчанию сегментов' },
      },
      ActivityReport: {
        name: 'Отчёт по активности',
        fields: {
          from: 'С', to: 'По', owner: 'Менеджер', planned: 'Запланировано', done: 'Выполнено', overdue: 'Просрочено', newClients: 'Новые клиенты', dealsWon: 'Выиграно сделок', dealsWonAmount: 'Выиграно, сумма',
          dealsLost: 'Проиграно сделок', dealsLostAmount: 'Проиграно, сумма', orders: 'Заказы', revenue: 'Выручка без НДС',
        },
      },
    },
  },
};
