/** The words of handover and deputies (issue 13 §7), spread into en and ru. */
export const handoverWords = {
  en: {
    tradebook: {
      handover: {
        help: 'Moves the clients (and team places), planned activities with their reminders and open deals of one user to another. Preview first; the handover is kept in the audit log with its reason.',
        preview: 'Preview', confirm: 'Hand over', wouldMove: 'Would move from %{from} to %{to}:', moved: 'Moved from %{from} to %{to}:',
      },
      deputies: { add: 'New deputy period', save: 'Set deputy', set: 'Deputy set', end: 'End now', ended: 'Ended', inForce: 'In force', none: 'No deputy periods.' },
    },
    enums: {},
    resources: {
      Handover: {
        name: 'Handover',
        fields: { fromUserId: 'From user', toUserId: 'To user', clients: 'Clients', activities: 'Planned activities', deals: 'Open deals', teamMemberships: 'Team places', reminders: 'Reminders', reason: 'Reason' },
      },
      UserDeputy: {
        name: 'Deputy |||| Deputies',
        fields: { user: 'Absent user', userId: 'Absent user', deputy: 'Deputy', deputyId: 'Deputy', from: 'From', to: 'To', inForce: 'Status', createdBy: 'Set by' },
      },
    },
  },
  ru: {
    tradebook: {
      handover: {
        help: 'Передаёт клиентов (и места в командах), запланированные взаимодействия с напоминаниями и открытые сделки одного пользователя другому. Сначала посмотрите, что будет передано; передача попадает в журнал изменений с причиной.',
        preview: 'Посмотреть', confirm: 'Передать', wouldMove: 'Будет передано от %{from} к %{to}:', moved: 'Передано от %{from} к %{to}:',
      },
      deputies: { add: 'Новый период замещения', save: 'Назначить заместителя', set: 'Заместитель назначен', end: 'Завершить', ended: 'Завершён', inForce: 'Действует', none: 'Периодов замещения нет.' },
    },
    enums: {},
    resources: {
      Handover: {
        name: 'Передача дел',
        fields: { fromUserId: 'От кого', toUserId: 'Кому', clients: 'Клиенты', activities: 'Запланированные взаимодействия', deals: 'Открытые сделки', teamMemberships: 'Места в командах', reminders: 'Напоминания', reason: 'Причина' },
      },
      UserDeputy: {
        name: 'Заместитель |||| Заместители',
        fields: { user: 'Отсутствующий', userId: 'Отсутствующий', deputy: 'Заместитель', deputyId: 'Заместитель', from: 'С', to: 'По', inForce: 'Состояние', createdBy: 'Назначил' },
      },
    },
  },
};
