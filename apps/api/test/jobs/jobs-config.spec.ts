import { ConfigError, loadConfig } from '../../src/config/load-config';

describe('job system configuration', () => {
  it('runs processors by default, keeps the schedule except under NODE_ENV=test, and prefixes queues with mcube', () => {
    expect(loadConfig({ NODE_ENV: 'development' }).jobs).toEqual({ role: 'all', runWorkers: true, schedule: true, queuePrefix: 'mcube' });
    expect(loadConfig({ NODE_ENV: 'test' }).jobs.schedule).toBe(false);
  });

  it('reads MCUBE_RUN_WORKERS, MCUBE_JOB_SCHEDULE and MCUBE_QUEUE_PREFIX', () => {
    const env = { NODE_ENV: 'test', MCUBE_RUN_WORKERS: 'false', MCUBE_JOB_SCHEDULE: 'true', MCUBE_QUEUE_PREFIX: 'mcube-blue' };
    expect(loadConfig(env).jobs).toEqual({ role: 'api', runWorkers: false, schedule: true, queuePrefix: 'mcube-blue' });
  });

  it('names each bad job variable', () => {
    const bad = () => loadConfig({ MCUBE_RUN_WORKERS: 'sometimes', MCUBE_QUEUE_PREFIX: 'has:colon' });
    expect(bad).toThrow(ConfigError);
    expect(bad).toThrow(/MCUBE_RUN_WORKERS[\s\S]*MCUBE_QUEUE_PREFIX must be 1-40 characters|MCUBE_QUEUE_PREFIX must be 1-40 characters[\s\S]*MCUBE_RUN_WORKERS/);
  });
});
