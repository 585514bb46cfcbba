import { GateFull, RequestGate } from './request-gate';

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('RequestGate', () => {
  it.each([
    // running, queued, requests at once → entered at once, waiting, refused
    [1, 0, 3, 1, 0, 2],
    [2, 1, 5, 2, 1, 2],
    [4, 32, 100, 4, 32, 64],
    [3, 3, 2, 2, 0, 0],
  ])('with %i running and %i queued allowed, %i requests at once: %i enter, %i wait, %i are refused', async (running, queued, requests, entered, waiting, refused) => {
    // given a gate and one caller sending many requests at once
    const gate = new RequestGate({ running, queued });
    const outcomes = Array.from({ length: requests }, () => gate.enter('user:a').then(() => 'entered', (e) => (e instanceof GateFull ? 'refused' : 'failed')));
    await settle();

    // then the first ones run, the next ones wait, the rest are refused at once
    const settled = await Promise.all(outcomes.map((o) => Promise.race([o, settle().then(() => 'waiting')])));
    expect(settled.filter((s) => s === 'entered')).toHaveLength(entered);
    expect(settled.filter((s) => s === 'waiting')).toHaveLength(waiting);
    expect(settled.filter((s) => s === 'refused')).toHaveLength(refused);
    expect(gate.load('user:a')).toEqual({ running: entered, waiting });
  });

  it('lets a waiting request in, in arrival order, when one ends, and forgets an idle caller', async () => {
    const gate = new RequestGate({ running: 1, queued: 2 });
    const order: string[] = [];
    const leaveFirst = await gate.enter('k');
    const second = gate.enter('k').then((leave) => (order.push('second'), leave));
    const third = gate.enter('k').then((leave) => (order.push('third'), leave));
    await settle();
    expect(order).toEqual([]);

    leaveFirst();
    leaveFirst(); // a second call changes nothing
    (await second)();
    (await third)();
    expect(order).toEqual(['second', 'third']);
    expect(gate.load('k')).toEqual({ running: 0, waiting: 0 });
  });

  it('keeps callers apart: one caller at its limit does not slow another', async () => {
    const gate = new RequestGate({ running: 1, queued: 0 });
    await gate.enter('user:busy');
    await expect(gate.enter('user:busy')).rejects.toBeInstanceOf(GateFull);
    await expect(gate.enter('user:other')).resolves.toBeInstanceOf(Function);
  });
});
