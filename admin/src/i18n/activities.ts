/** The words of activities and the agenda (issue 13, item 4), spread into en and ru. */
export const activityWords = {
  en: {
    tradebook: {
      activity: {
        complete: 'Complete', cancel: 'Cancel activity', completeTitle: 'Complete "%{subject}"', result: 'Result', completeDone: 'Activity completed',
        cancelTitle: 'Cancel "%{subject}"?', cancelConfirm: 'It stays in the history as cancelled and can no longer change.', cancelDone: 'Activity cancelled',
        add: 'Plan an activity', quick: 'Plan an activity for me or a colleague', quickDone: 'Planned: %{subject}', none: 'No activities yet.', overdue: 'Overdue', ended: 'Done or cancelled: it can no longer change.',
      },
      agenda: { title: 'My agenda', previous: 'Earlier', next: 'Later', today: 'Today', empty: 'Nothing planned for this period.', standIn: 'for %{name}' },
      calendar: { title: 'Team calendar', whoHelp: 'Whose week (yourself when empty); a head of sales may pick anyone' },
    },
    enums: {
      ActivityType: { CALL: 'Call', MEETING: 'Meeting', TASK: 'Task', EMAIL: 'Email' },
      ActivityStatus: { PLANNED: 'Planned', DONE: 'Done', CANCELLED: 'Cancelled' },
      AgendaPeriod: { DAY: 'Day', WEEK: 'Week' },
    },
    resources: {
      Activity: {
        name: 'Activity |||| Activities',
        fields: {
          type: 'Type', subject: 'Subject', clientId: 'Client', client: 'Client', contactId: 'Contact', contact: 'Contact', assigneeId: 'Assignee', assignee: 'Assignee',
          author: 'Planned by', dueAt: 'Due at', durationMinutes: 'Duration, min', location: 'Location', status: 'Status', result: 'Result', completedAt: 'Completed',
          reminderOffsetMinutes: 'Remind, minutes before', reminderAt: 'Reminder at', overdue: 'Overdue', dueFrom: 'Due from', dueTo: 'Due before', q: 'Search', updatedAt: 'Changed',
        },
      },
      MyAgenda: { name: 'My agenda', fields: { period: 'Period', date: 'Date' } },
      ActivityCalendar: { name: 'Team calendar', fields: { assigneeIds: 'People' } },
    },
  },
  ru: {
    tradebook: {
      activity: {
        complete: 'Выполнено', cancel: 'Отменить дело', completeTitle: 'Выполнено: «%{subject}»', result: 'Результат', completeDone: 'Дело выполнено',
        cancelTitle: 'Отменить «%{subject}»?', cancelConfirm: 'Оно останется в истории отменённым и больше не изменится.', cancelDone: 'Дело отменено',
        add: 'Запланировать дело', quick: 'Запланировать дело себе или коллеге', quickDone: 'Запланировано: %{subject}', none: 'Дел пока нет.', overdue: 'Просрочено', ended: 'Выполнено или отменено: больше не меняется.',
      },
      agenda: { title: 'Мои дела', previous: 'Раньше', next: 'Позже', today: 'Сегодня', empty: 'На этот период ничего не запланировано.', standIn: 'за: %{name}' },
      calendar: { title: 'Календарь команды', whoHelp: 'Чья неделя (ваша, если пусто); руководитель продаж выбирает любого' },
    },
    enums: {
      ActivityType: { CALL: 'Звонок', MEETING: 'Встреча', TASK: 'Задача', EMAIL: 'Письмо' },
      ActivityStatus: { PLANNED: 'Запланировано', DONE: 'Выполнено', CANCELLED: 'Отменено' },
      AgendaPeriod: { DAY: 'День', WEEK: 'Неделя' },
    },
    resources: {
      Activity: {
        name: 'Дело |||| Дела',
        fields: {
          type: 'Вид', subject: 'Тема', clientId: 'Клиент', client: 'Клиент', contactId: 'Контакт', contact: 'Контакт', assigneeId: 'Исполнитель', assignee: 'Исполнитель',
          author: 'Запланировал', dueAt: 'Срок', durationMinutes: 'Длительность, мин', location: 'Место', status: 'Статус', result: 'Результат', completedAt: 'Выполнено',
          reminderOffsetMinutes: 'Напомнить за, мин', reminderAt: 'Напоминание', overdue: 'Просрочено', dueFrom: 'Срок с', dueTo: 'Срок до', q: 'Поиск', updatedAt: 'Изменено',
        },
      },
      MyAgenda: { name: 'Мои дела', fields: { period: 'Период', date: 'Дата' } },
      ActivityCalendar: { name: 'Календарь команды', fields: { assigneeIds: 'Сотрудники' } },
    },
  },
};
