import { Test } from '@nestjs/testing';
import { ConfigModule } from '../../src/config/config.module';
import { loadConfig } from '../../src/config/load-config';
import { JOB_QUEUE, type JobQueue } from '../../src/jobs/job-queue.port';
import { JobsModule } from '../../src/jobs/jobs.module';
import { ClockModule } from '../../src/modules/core/clock/clock.module';

// Loading any of these fails the file: without REDIS_URL the job system must not need them.
const loaded: string[] = [];
jest.mock('bullmq', () => {
  loaded.push('bullmq');
  throw new Error('bullmq was loaded without REDIS_URL');
});
jest.mock('@nestjs/bullmq', () => {
  loaded.push('@nestjs/bullmq');
  throw new Error('@nestjs/bullmq was loaded without REDIS_URL');
});
jest.mock('ioredis', () => {
  loaded.push('ioredis');
  throw new Error('ioredis was loaded without REDIS_URL');
});

describe('JobsModule without REDIS_URL', () => {
  it('boots the in-process driver without loading bullmq, @nestjs/bullmq or ioredis', async () => {
    const config = loadConfig({ NODE_ENV: 'test' });
    expect(config.redisUrl).toBeUndefined();
    const moduleRef = await Test.createTestingModule({ imports: [ConfigModule.forRoot(config), ClockModule, JobsModule.forRoot(config)] }).compile();
    try {
      expect(moduleRef.get<JobQueue>(JOB_QUEUE).driver).toBe('in-process');
      expect(loaded).toEqual([]);
    } finally {
      await moduleRef.close();
    }
  });

  it('would load them for REDIS_URL: the same module asks for the BullMQ driver (and fails here, where it is mocked out)', async () => {
    const config = loadConfig({ NODE_ENV: 'test', REDIS_URL: 'redis://127.0.0.1:1' });
    await expect(Test.createTestingModule({ imports: [ConfigModule.forRoot(config), ClockModule, JobsModule.forRoot(config)] }).compile()).rejects.toThrow(/was loaded without REDIS_URL/);
    expect(loaded.length).toBeGreaterThan(0);
  });
});
