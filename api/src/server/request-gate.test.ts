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
    expect(gate.load('user:a')).toEqual({ used: entered, waiting });
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
    expect(gate.load('k')).toEqual({ used: 0, waiting: 0 });
  });

  it('keeps callers apart: one caller at its limit does not slow another', async () => {
    const gate = new RequestGate({ running: 1, queued: 0 });
    await gate.enter('user:busy');
    await expect(gate.enter('user:busy')).rejects.toBeInstanceOf(GateFull);
    await expect(gate.enter('user:other')).resolves.toBeInstanceOf(Function);
  });

  it('weighs operations: a heavy one waits for room and runs alone, light ones after it wait their turn in order', async () => {
    // given room for 100 units: two light operations of 30 running
    const gate = new RequestGate({ running: 100, queued: 5 });
    const order: string[] = [];
    const lightA = await gate.enter('k', 30);
    const lightB = await gate.enter('k', 30);

    // when a heavy one of 96 and then a light one of 10 arrive
    const heavy = gate.enter('k', 96).then((leave) => (order.push('heavy'), leave));
    const light = gate.enter('k', 10).then((leave) => (order.push('light'), leave));
    await settle();

    // then both wait (the light one behind the heavy one, though 10 would fit), the heavy one runs once both first ones end
    expect(gate.load('k')).toEqual({ used: 60, waiting: 2 });
    lightA();
    await settle();
    expect(order).toEqual([]);
    lightB();
    await settle();
    expect(order).toEqual(['heavy']);
    expect(gate.load('k')).toEqual({ used: 96, waiting: 1 });
    (await heavy)();
    await settle();
    expect(order).toEqual(['heavy', 'light']);
    (await light)();
    expect(gate.load('k')).toEqual({ used: 0, waiting: 0 });
  });

  it('lets an operation heavier than the whole room run, alone', async () => {
    const gate = new RequestGate({ running: 100, queued: 1 });
    const leave = await gate.enter('k', 250);
    expect(gate.load('k')).toEqual({ used: 100, waiting: 0 });
    leave();
    expect(gate.load('k')).toEqual({ used: 0, waiting: 0 });
  });
});
