import { Controller, Get, Module } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { get, type IncomingHttpHeaders } from 'http';
import type { AddressInfo } from 'net';
import { brotliDecompressSync, gunzipSync } from 'zlib';
import { serveConsole } from '../../src/bootstrap/serve-console';

@Controller('api')
class PingController {
  @Get('ping')
  ping() {
    return { ok: true, padding: 'x'.repeat(4000) };
  }
}

@Module({ controllers: [PingController] })
class PingModule {}

/** Issue 20 §8: the console goes out compressed, hashed assets cached for good, index.html never cached. */
describe('serving the built console', () => {
  let app: NestExpressApplication;
  let dir: string;
  const script = `console.log(${JSON.stringify('mCube '.repeat(2000))});`;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mcube-web-'));
    writeFileSync(join(dir, 'index.html'), `<!doctype html><html><head><script src="main-VBFKBMHD.js"></script></head><body>${'<!-- console -->'.repeat(200)}</body></html>`);
    writeFileSync(join(dir, 'main-VBFKBMHD.js'), script);
    writeFileSync(join(dir, 'favicon.ico'), Buffer.alloc(2000, 1));
    const moduleRef = await Test.createTestingModule({ imports: [PingModule] }).compile();
    app = moduleRef.createNestApplication<NestExpressApplication>();
    expect(serveConsole(app, dir)).toBe(true);
    await app.listen(0, '127.0.0.1');
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** One GET as a browser sends it, the body as it came over the wire (not decoded). */
  const raw = (path: string, encoding = 'gzip, deflate, br') =>
    new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((done, fail) => {
      const { port } = app.getHttpServer().address() as AddressInfo;
      get({ host: '127.0.0.1', port, path, headers: { 'accept-encoding': encoding, accept: 'text/html,*/*' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      }).on('error', fail);
    });

  it('sends a hashed script brotli-compressed (gzip to a browser without brotli), cached for a year as immutable', async () => {
    const br = await raw('/main-VBFKBMHD.js');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((br.body).length).toBeLessThan(script.length / 10);
    expect(brotliDecompressSync(br.body).toString()).toBe(script);
    const res = await raw('/main-VBFKBMHD.js', 'gzip, deflate');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const wire = res.body;
    expect(wire.length).toBeLessThan(script.length / 10);
    expect(gunzipSync(wire).toString()).toBe(script);
  });

  it('sends index.html (direct, and as the fallback of a console route) compressed and never cached', async () => {
    for (const path of ['/index.html', '/dashboard', '/positions/7']) {
      const res = await raw(path);
      expect({ path, encoding: res.headers['content-encoding'], cache: res.headers['cache-control'] }).toEqual({ path, encoding: 'br', cache: 'no-cache' });
      expect(brotliDecompressSync(res.body).toString()).toContain('main-VBFKBMHD.js');
    }
  });

  it('revalidates an unhashed file, and sends plain bytes to a client that accepts no encoding', async () => {
    expect((await raw('/favicon.ico')).headers['cache-control']).toBe('no-cache');
    const plain = await raw('/main-VBFKBMHD.js', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect((plain.body).toString()).toBe(script);
  });

  it('compresses API answers too', async () => {
    const res = await raw('/api/ping', 'gzip');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(res.body).toString())).toMatchObject({ ok: true });
  });
});
