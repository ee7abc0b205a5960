/**
 * CPU per request of the API's hot reads, by a fixed request count (not rps, so a loaded machine
 * changes it little): `node -r @swc-node/register tools/bench/api-cpu.ts [requests] [--profile DIR] [--orders | --idle]`
 * (SWC_NODE_PROJECT=tsconfig.base.json). With --profile, each endpoint's load is profiled
 * separately (a preload toggles the inspector's profiler on SIGWINCH) into DIR/prof-<n>.cpuprofile.
 */
import autocannon from 'autocannon';
import { join } from 'path';
import { timeOrders } from './api-load.bench';
import { cpuSecondsOf, startBuiltApi } from './built-api';

const PORT = Number(process.env.MCUBE_BENCH_API_PORT ?? 4490);
const ADMIN_PASSWORD = 'bench-admin-password-1';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const requests = Number(args.find((a) => /^\d+$/.test(a)) ?? 4000);
  const profileAt = args.indexOf('--profile');
  const profileDir = profileAt >= 0 ? args[profileAt + 1] : undefined;
  const api = await startBuiltApi({
    port: PORT,
    adminPassword: ADMIN_PASSWORD,
    env: { MCUBE_SIM_SPEED: '5', MCUBE_JOB_SCHEDULE: process.env.MCUBE_JOB_SCHEDULE ?? 'true', MCUBE_SIM_START: '2026-03-11', ...(profileDir ? { PROF_DIR: profileDir } : {}) },
    nodeArgs: profileDir ? ['-r', join(__dirname, process.env.MCUBE_BENCH_PRELOAD ?? 'prof-preload.js')] : [],
  });
  try {
    const login = await fetch(`${api.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }) });
    const session = (await login.json()) as { csrfToken: string };
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const created = await fetch(`${api.url}/api/api-keys`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': session.csrfToken }, body: JSON.stringify({ name: 'bench', role: 'admin' }) });
    const { key } = (await created.json()) as { key: string };
    const headers = { authorization: `Bearer ${key}` };
    await new Promise((r) => setTimeout(r, 2000));
    const idleBefore = cpuSecondsOf(api.pid);
    const idleStart = Date.now();
    await new Promise((r) => setTimeout(r, 5000));
    const idlePerSecond = (cpuSecondsOf(api.pid) - idleBefore) / ((Date.now() - idleStart) / 1000);
    const chain = (await (await fetch(`${api.url}/api/market/option-chain?underlying=NIFTY`, { headers })).json()) as { expiry: string };
    const paths = ['/api/accounts/summary', '/api/positions', `/api/market/option-chain?underlying=NIFTY&expiry=${chain.expiry}`, '/health'];
    console.log(`idle ${(idlePerSecond * 1000).toFixed(0)} ms/s; load average ${require('os').loadavg().map((v: number) => v.toFixed(1)).join(' ')}`);
    if (args.includes('--idle')) {
      // The API idle for 20 s (jobs, simulator, ticks), profiled as one span.
      if (profileDir) process.kill(api.pid, 'SIGWINCH');
      await new Promise((r) => setTimeout(r, 20_000));
      if (profileDir) process.kill(api.pid, 'SIGWINCH');
      await new Promise((r) => setTimeout(r, 2000));
      return;
    }
    if (args.includes('--orders')) {
      // POST /api/orders as the api bench times them (40, one per 250 ms), profiled as one span.
      if (profileDir) process.kill(api.pid, 'SIGWINCH');
      const orders = await timeOrders(api, { headers });
      if (profileDir) process.kill(api.pid, 'SIGWINCH');
      await new Promise((r) => setTimeout(r, 2000)); // the profile is written before the stop
      console.log(`POST /api/orders p50 ${orders.p50Ms.toFixed(1)} p99 ${orders.p99Ms.toFixed(1)} ms; in order: ${orders.ms.map((v) => v.toFixed(0)).join(' ')}${orders.refused.length ? `; refused ${orders.refused[0]}` : ''}`);
      return;
    }
    for (const path of paths) {
      const url = `${api.url}${path}`;
      await autocannon({ url, connections: 10, amount: 500, headers });
      if (profileDir) process.kill(api.pid, 'SIGWINCH');
      const cpu0 = cpuSecondsOf(api.pid);
      const t0 = Date.now();
      const r = await autocannon({ url, connections: 10, amount: requests, headers });
      const cpu = cpuSecondsOf(api.pid) - cpu0 - idlePerSecond * ((Date.now() - t0) / 1000);
      if (profileDir) process.kill(api.pid, 'SIGWINCH');
      console.log(`${path.replace(/\?.*/, '').padEnd(28)} ${((cpu * 1000) / r.requests.total).toFixed(3)} ms/req (gross ${(((cpu + idlePerSecond * ((Date.now() - t0) / 1000)) * 1000) / r.requests.total).toFixed(3)}), ${r.requests.average.toFixed(0)} rps, non2xx ${r.non2xx}`);
      await new Promise((r2) => setTimeout(r2, 500));
    }
  } finally {
    await api.stop();
  }
}

void main();
