import { createDefaultNseCalendar } from '@mcube/domain';
import { KotakNeoError } from './errors/kotak-neo.error';
import { compareMasterWithTables } from './instruments/compare-master';
import { KOTAK_TEST_DAY, fixtureMaster, kotakNeoTestKit, kotakOrderRequest, masterWithCell, masterWithLotSize, neoFaults, type KotakNeoTestKit } from './testing';

async function failure(p: Promise<unknown>): Promise<KotakNeoError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof KotakNeoError) return e;
    throw e;
  }
  throw new Error('resolved instead of failing');
}

describe('Kotak instrument master refresh', () => {
  let kit: KotakNeoTestKit;
  afterEach(async () => kit.close());

  it('reads the file paths with the consumer key and downloads the dated CSVs without credentials', async () => {
    kit = await kotakNeoTestKit({ master: false });
    const master = await kit.broker.refreshMaster(KOTAK_TEST_DAY);
    expect([master.date, master.contracts.length, master.cash.length]).toEqual(['2026-08-10', 271, 6]);
    expect(kit.broker.masters.master()).toBe(master);
    const [paths] = kit.server.requests('filePaths');
    expect([paths.host, paths.headers['authorization']]).toEqual(['trade', kit.server.account.consumerKey]);
    const files = kit.server.requests('masterFile');
    expect(files.map((f) => f.path)).toEqual(['/wso2-scripmaster/v1/prod/2026-08-10/transformed/nse_fo.csv', '/wso2-scripmaster/v1/prod/2026-08-10/transformed-v1/nse_cm-v1.csv']);
    expect(files.every((f) => f.host === 'files' && f.headers['authorization'] === undefined && f.headers['auth'] === undefined)).toBe(true);
  });

  it('works before a login, from the login host', async () => {
    kit = await kotakNeoTestKit({ login: false, master: false });
    await kit.broker.refreshMaster(KOTAK_TEST_DAY);
    expect(kit.server.requests('filePaths')[0].host).toBe('login');
  });

  const keepsYesterday = async (break_: (k: KotakNeoTestKit) => void, reason: string): Promise<void> => {
    kit = await kotakNeoTestKit();
    const before = kit.broker.masters.master();
    break_(kit);
    const error = await failure(kit.broker.refreshMaster(KOTAK_TEST_DAY));
    expect(error.reason).toBe(reason);
    expect(kit.broker.masters.master()).toBe(before);
    await expect(kit.broker.executionClient.placeOrder(kotakOrderRequest())).resolves.toBeDefined();
  };

  it('keeps the previous master when the files are of another day', () => keepsYesterday((k) => k.server.setMaster(fixtureMaster('2026-08-07'), { serveOnly: true }), 'MASTER_INVALID'));

  it('keeps the previous master when a row is malformed', () =>
    keepsYesterday((k) => k.server.setMaster({ ...fixtureMaster(), nseFo: masterWithCell(fixtureMaster().nseFo, 'NIFTY26AUG24500CE', 'lLotSize', 'sixty-five') }, { serveOnly: true }), 'MASTER_INVALID'));

  it('keeps the previous master when the F&O file is empty', () => keepsYesterday((k) => k.server.setMaster({ ...fixtureMaster(), nseFo: fixtureMaster().nseFo.split('\n')[0] + '\n' }, { serveOnly: true }), 'MASTER_INVALID'));

  it('keeps the previous master when a file is missing (404)', () => keepsYesterday((k) => k.server.inject('masterFile', { type: 'RESPOND', status: 404, body: '<Error/>' }), 'INVALID_REQUEST'));

  it('keeps the previous master when the file-paths call fails (503)', () => keepsYesterday((k) => k.server.inject('filePaths', neoFaults.serverError(503)), 'SERVER_ERROR'));

  it('refuses file URLs on a host it may not trust', () =>
    keepsYesterday(
      (k) => k.server.inject('filePaths', { type: 'RESPOND', status: 200, body: { data: { filesPaths: ['http://files.example.com/p/2026-08-10/transformed/nse_fo.csv', 'http://files.example.com/p/2026-08-10/transformed-v1/nse_cm-v1.csv'] } } }),
      'MALFORMED_RESPONSE',
    ));

  it('takes a changed lot size from the new master, reports it against the table, and checks orders with it', async () => {
    kit = await kotakNeoTestKit();
    kit.clock.advance(24 * 3_600_000);
    kit.server.newTradingDay({ ...fixtureMaster('2026-08-11'), nseFo: masterWithLotSize(fixtureMaster().nseFo, 'NIFTY', 75) });
    await kit.broker.login();
    const master = await kit.broker.refreshMaster('2026-08-11');
    const result = compareMasterWithTables({ master, calendar: createDefaultNseCalendar() });
    expect(result.disagreements).toContainEqual({ kind: 'LOT_SIZE', underlying: 'NIFTY', expiry: '2026-08-25', masterLotSize: 75, tableLotSize: 65 });
    const oldLot = await failure(kit.broker.executionClient.placeOrder(kotakOrderRequest({ quantity: 65 })));
    expect([oldLot.kind, oldLot.reason]).toEqual(['REJECTED', 'INVALID_REQUEST']);
    expect(kit.server.requests('place')).toEqual([]);
    await expect(kit.broker.executionClient.placeOrder(kotakOrderRequest({ quantity: 75 }))).resolves.toBeDefined();
  });
});
