import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { IciciBreezeFakeServer } from './icici-breeze.fake-server';

const APP = 'APPKEY';
const SECRET = 'SECRET';
const TOKEN = Buffer.from('XY604721:87324529').toString('base64');

/** A raw HTTP exchange, independent of the library's client. */
function raw(url: string, method: string, headers: Record<string, string>, body?: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers: body === undefined ? headers : { ...headers, 'Content-Length': String(Buffer.byteLength(body)) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

function signed(body: string, secret = SECRET): Record<string, string> {
  const ts = '2026-08-20T04:30:00.000Z';
  return { 'Content-Type': 'application/json', 'X-Timestamp': ts, 'X-Checksum': `token ${createHash('sha256').update(ts + body + secret).digest('hex')}`, 'X-AppKey': APP, 'X-SessionToken': TOKEN };
}

describe('IciciBreezeFakeServer (the wire contract the library is tested against)', () => {
  let server: IciciBreezeFakeServer;
  beforeEach(async () => {
    server = await IciciBreezeFakeServer.start({ appKey: APP, secretKey: SECRET });
  });
  afterEach(() => server.stop());

  it('accepts a GET whose JSON body matches its checksum', async () => {
    const body = '{}';
    const res = await raw(`${server.apiUrl}funds`, 'GET', signed(body), body);
    expect(JSON.parse(res.text)).toMatchObject({ Status: 200, Error: null, Success: { allocated_fno: 12000000 } });
    expect(server.callsTo('funds')[0]).toMatchObject({ method: 'GET', rawBody: '{}', checksum: 'VALID' });
  });

  it("rejects a body changed after signing with Breeze's own checksum envelope, and processes nothing", async () => {
    const order = server.book.place({ stock_code: 'NIFTY', exchange_code: 'NFO', product: 'futures', action: 'buy', order_type: 'limit', quantity: '65', price: '24900', expiry_date: '2026-08-25T06:00:00.000Z', right: 'others', strike_price: '0' }, '20260820');
    const body = JSON.stringify({ exchange_code: 'NFO', order_id: 'someone-else' });
    const res = await raw(`${server.apiUrl}order`, 'DELETE', signed(body), JSON.stringify({ exchange_code: 'NFO', order_id: order.orderId }));
    expect(JSON.parse(res.text)).toEqual({ Status: 5, Error: 'Authentication Fail :: Invalid Checksum.' });
    expect(server.callsTo('order')[0].checksum).toBe('INVALID');
    expect(order.status).toBe('Ordered');
  });

  it('rejects a wrong secret and a missing checksum the same way, GET included', async () => {
    const body = '{"exchange_code":"NFO","from_date":"2026-08-20T06:00:00.000Z","to_date":"2026-08-20T06:00:00.000Z"}';
    for (const headers of [signed(body, 'OTHER'), { ...signed(body), 'X-Checksum': '' }, { 'Content-Type': 'application/json' }]) {
      const res = await raw(`${server.apiUrl}order`, 'GET', headers, body);
      expect(JSON.parse(res.text)).toEqual({ Status: 5, Error: 'Authentication Fail :: Invalid Checksum.' });
    }
  });

  it('checks the session token and app key of signed and v2 calls', async () => {
    const body = '{}';
    expect(JSON.parse((await raw(`${server.apiUrl}funds`, 'GET', { ...signed(body), 'X-SessionToken': 'bad' }, body)).text)).toMatchObject({ Error: 'Invalid User Details' });
    expect(JSON.parse((await raw(`${server.v2Url}historicalcharts?interval=1day`, 'GET', { 'X-SessionToken': TOKEN })).text)).toMatchObject({ Error: 'Public Key does not exist.' });
    expect(JSON.parse((await raw(`${server.v2Url}historicalcharts?interval=1day`, 'GET', { 'X-SessionToken': TOKEN, apikey: APP })).text)).toMatchObject({ Status: 200, Success: [] });
  });

  it('answers customerdetails unsigned: the token for a known key, the documented errors otherwise', async () => {
    const ask = async (key: string, app = APP) => JSON.parse((await raw(`${server.apiUrl}customerdetails`, 'GET', { 'Content-Type': 'application/json' }, JSON.stringify({ SessionToken: key, AppKey: app }))).text);
    expect((await ask('87324529')).Success.session_token).toBe(TOKEN);
    expect((await ask('1')).Error).toBe('Invalid session.');
    expect((await ask('87324529', 'OTHER')).Error).toBe('Public Key does not exist.');
    server.expireSessionKey('87324529');
    expect((await ask('87324529')).Error).toBe('Resource not available.');
  });

  it('plays an armed fault the given number of times, then behaves again', async () => {
    server.faults.inject({ endpoint: 'funds', mode: 'HTTP_STATUS', status: 503, times: 2 });
    const body = '{}';
    expect((await raw(`${server.apiUrl}funds`, 'GET', signed(body), body)).status).toBe(503);
    expect((await raw(`${server.apiUrl}funds`, 'GET', signed(body), body)).status).toBe(503);
    expect((await raw(`${server.apiUrl}funds`, 'GET', signed(body), body)).status).toBe(200);
    expect(server.faults.pending).toBe(0);
  });

  it('serves the security master zip', async () => {
    const res = await new Promise<Buffer>((resolve, reject) => {
      request(server.securityMasterUrl, (r) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => resolve(Buffer.concat(chunks)));
      })
        .on('error', reject)
        .end();
    });
    expect(res.readUInt32LE(0)).toBe(0x04034b50);
  });
});
