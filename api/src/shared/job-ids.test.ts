import { orderedJobId } from './job-ids';

describe('orderedJobId', () => {
  it.each([
    // seq, name, the id's first 16 hex digits (the seq)
    ['1', 'crm.timeline', '00000000-0000-0001'],
    ['255', 'crm.timeline', '00000000-0000-00ff'],
    ['4294967296', 'crm.timeline', '00000001-0000-0000'],
    [9007199254740993n.toString(), 'crm.timeline', '00200000-0000-0001'],
  ])('puts seq %s first, in hex', (seq, name, prefix) => {
    expect(orderedJobId(seq, name).slice(0, 18)).toBe(prefix);
  });

  it('is a uuid, the same for the same event and handler, different for another handler', () => {
    const id = orderedJobId('42', 'a');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(orderedJobId('42', 'a')).toBe(id);
    expect(orderedJobId('42', 'b')).not.toBe(id);
  });

  it('sorts as the seqs do, byte by byte', () => {
    const seqs = ['9', '10', '255', '256', '65536', '1000000000000'];
    const ids = seqs.map((seq) => orderedJobId(seq, 'x'));
    expect([...ids].sort()).toEqual(ids);
  });
});
