import { assignmentNotice, burstCollector, type Assignment } from './assignmentBurst';

const call = (subject: string, assignedByName = 'Ольга Петрова'): Assignment => ({ subject, clientName: 'Ромашка', assignedByName });

describe('what the console says of activities given to the user', () => {
  it('tells one activity in full', () => {
    expect(assignmentNotice([call('Позвонить')])).toEqual({ key: 'tradebook.reminders.assigned', args: { subject: 'Позвонить', clientName: 'Ромашка', assignedByName: 'Ольга Петрова' } });
  });

  it('counts the activities one colleague gave at once (a handover), naming the colleague', () => {
    expect(assignmentNotice([call('Позвонить'), call('Встреча'), call('Письмо')])).toEqual({ key: 'tradebook.reminders.assignedMany', args: { smart_count: 3, assignedByName: 'Ольга Петрова' } });
  });

  it('counts activities from several colleagues without naming one', () => {
    expect(assignmentNotice([call('Позвонить'), call('Встреча', 'Иван Сидоров')])).toEqual({ key: 'tradebook.reminders.assignedManyBySeveral', args: { smart_count: 2, people: 2 } });
  });
});

describe('gathering a burst', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('hands over what came within the window of the first item, then starts a new burst', () => {
    const bursts: number[][] = [];
    const collector = burstCollector<number>(500, (burst) => bursts.push(burst));
    collector.push(1);
    jest.advanceTimersByTime(300);
    collector.push(2);
    jest.advanceTimersByTime(199);
    expect(bursts).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(bursts).toEqual([[1, 2]]);
    // 500 ms after the first, not after the last: a stream of items is still told every half second
    collector.push(3);
    jest.advanceTimersByTime(500);
    expect(bursts).toEqual([[1, 2], [3]]);
  });

  it('drops a burst still gathering when stopped', () => {
    const bursts: number[][] = [];
    const collector = burstCollector<number>(500, (burst) => bursts.push(burst));
    collector.push(1);
    collector.stop();
    jest.advanceTimersByTime(1000);
    expect(bursts).toEqual([]);
  });
});
