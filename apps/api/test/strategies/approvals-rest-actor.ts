import type { INestApplication } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { GlobalExceptionFilter } from '../../src/common/filters/global-exception.filter';
import { RolesGuard } from '../../src/common/guards/roles.guard';
import { createValidationPipe } from '../../src/common/pipes/app-validation.pipe';
import type { Principal } from '../../src/common/request-context/principal';
import { ApprovalsController } from '../../src/modules/strategies/approvals/approvals.controller';
import { ApprovalsService } from '../../src/modules/strategies/approvals/approvals.service';
import type { ApprovalView } from '../../src/modules/strategies/approvals/approval-view';

/** A person deciding the approval queue over REST (GET /api/approvals, POST …/approve, …/reject). */
export interface ApprovalsRestActor {
  pending(accountId: number): Promise<ApprovalView[]>;
  approve(id: string | number): Promise<ApprovalView>;
  reject(id: string | number, reason: string): Promise<ApprovalView>;
  close(): Promise<void>;
}

/**
 * The approvals REST routes (the real controller, validation pipe, exception filter and role
 * guard) over a loopback HTTP server, in front of a hand-built `ApprovalsService`, for the
 * simulated months that build the API's classes without booting the whole app. The caller is
 * `actor` on every request: login, sessions and CSRF are the security suites' subject
 * (approvals-rest.spec.ts runs these routes through them), not the month's.
 */
export async function startApprovalsRestActor(approvals: ApprovalsService, actor: Principal): Promise<ApprovalsRestActor> {
  const moduleRef = await Test.createTestingModule({
    controllers: [ApprovalsController],
    providers: [{ provide: ApprovalsService, useValue: approvals }, { provide: APP_GUARD, useClass: RolesGuard }],
  }).compile();
  const app: INestApplication = moduleRef.createNestApplication({ logger: false });
  app.use((req: { principal?: Principal }, _res: unknown, next: () => void) => {
    req.principal = actor;
    next();
  });
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new GlobalExceptionFilter());
  await app.init();
  const server = app.getHttpServer();
  const ok = (what: string, res: request.Response): request.Response => {
    if (res.status !== 200) throw new Error(`${what} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res;
  };
  return {
    pending: async (accountId) => ok('GET /api/approvals', await request(server).get('/api/approvals').query({ status: 'PENDING', accountId })).body as ApprovalView[],
    approve: async (id) => ok(`POST /api/approvals/${id}/approve`, await request(server).post(`/api/approvals/${id}/approve`)).body as ApprovalView,
    reject: async (id, reason) => ok(`POST /api/approvals/${id}/reject`, await request(server).post(`/api/approvals/${id}/reject`).send({ reason })).body as ApprovalView,
    close: () => app.close(),
  };
}
