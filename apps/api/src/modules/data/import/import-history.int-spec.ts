import type { DataSource } from 'typeorm';
import { epochMsOfIst } from '@mcube/domain';
import { createTestDatabase, TEST_DIALECTS, TestDatabase } from '../../../../test/db/test-database';
import { MarketData } from '../entities/market-data.entity';
import { HistoryImportRejected, importHistory } from './import-history';

const GOOD = 'date,open,high,low,close,volume\n2024-01-02,200,212,199,210.5,900\n2024-01-03,210.5,215,209.75,214,1000\n';

describe.each(TEST_DIALECTS)('importHistory on %s (shared by the CLI and REST)', (dialect) => {
  let db: TestDatabase;
  let ds: DataSource;
  const bars = () => ds.getRepository(MarketData).find({ where: { symbol: 'ACME' }, order: { barStart: 'ASC' } });

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    ds = await db.openMigrated();
  });
  afterAll(() => db.dispose());

  it('writes nothing from a file with one bad row among good ones', async () => {
    const csv = `${GOOD}2024-01-04,214,213,210,212,10\n`;
    await expect(importHistory(ds, { symbol: 'ACME', interval: '1d', csv })).rejects.toEqual(new HistoryImportRejected([{ line: 4, reason: 'high is below open or close' }]));
    expect(await bars()).toEqual([]);
  });

  it('imports a good file as exact paise at IST midnight', async () => {
    expect(await importHistory(ds, { symbol: 'acme', interval: '1d', csv: GOOD })).toEqual({ symbol: 'ACME', interval: '1d', imported: 2, replaced: 0, from: '2024-01-02', to: '2024-01-03' });
    const rows = await bars();
    expect(rows.map((r) => [r.barStart.getTime(), r.openPaise, r.highPaise, r.lowPaise, r.closePaise, r.volume, r.source])).toEqual([
      [epochMsOfIst('2024-01-02', '00:00'), 20000, 21200, 19900, 21050, 900, 'import'],
      [epochMsOfIst('2024-01-03', '00:00'), 21050, 21500, 20975, 21400, 1000, 'import'],
    ]);
  });

  it('replaces every bar when the same dates are imported again', async () => {
    const csv = GOOD.replace('210.5,215,209.75,214,1000', '210.5,216,209.75,215.5,1100');
    expect(await importHistory(ds, { symbol: 'ACME', interval: '1d', csv })).toMatchObject({ imported: 2, replaced: 2 });
    const rows = await bars();
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({ highPaise: 21600, closePaise: 21550, volume: 1100 });
  });

  it('keeps a transaction all-or-nothing when a later write fails', async () => {
    const csv = 'date,open,high,low,close\n2024-02-01,1,2,1,2\n';
    await expect(
      importHistory(ds, { symbol: 'ACME', interval: '1d', csv }, async () => {
        throw new Error('audit failed');
      }),
    ).rejects.toThrow('audit failed');
    expect((await bars()).map((r) => r.barStart.getTime())).not.toContain(epochMsOfIst('2024-02-01', '00:00'));
  });
});
