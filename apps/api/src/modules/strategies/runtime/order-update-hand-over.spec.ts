import { OrderUpdateHandOver } from './order-update-hand-over';
import { SerialLocks } from './serial-lock';

describe('OrderUpdateHandOver', () => {
  it('runs after the work already holding the account, keeps one hand-over waiting per order, and takes the next once that one ran', async () => {
    const locks = new SerialLocks();
    const handOvers = new OrderUpdateHandOver(locks);
    const ran: string[] = [];
    let release!: () => void;
    const working = locks.run(1, () => new Promise<void>((r) => (release = r)).then(() => void ran.push('working call')));

    const first = handOvers.handOver(1, 'i-1', async () => (ran.push('i-1 first'), true));
    const repeat = handOvers.handOver(1, 'i-1', async () => (ran.push('i-1 repeat'), true));
    const other = handOvers.handOver(1, 'i-2', async () => (ran.push('i-2'), true));
    await expect(repeat).resolves.toBe(false);
    expect(ran).toEqual([]);

    release();
    await working;
    await expect(first).resolves.toBe(true);
    await expect(other).resolves.toBe(true);
    expect(ran).toEqual(['working call', 'i-1 first', 'i-2']);

    await expect(handOvers.handOver(1, 'i-1', async () => (ran.push('i-1 later'), false))).resolves.toBe(false);
    expect(ran).toEqual(['working call', 'i-1 first', 'i-2', 'i-1 later']);
  });
});
