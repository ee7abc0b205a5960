import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AuditPageResponse } from '@mcube/contracts';
import { Roles } from '../../../common/decorators/roles.decorator';
import { auditEntryResponseOf } from './audit-entry-response-of';
import { AuditService } from './audit.service';
import { ListAuditLogDto } from './dto/list-audit-log.dto';

/** The audit trail (admin only). */
@ApiTags('audit')
@Roles('admin')
@Controller('audit-log')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  async list(@Query() q: ListAuditLogDto): Promise<AuditPageResponse> {
    const page = await this.audit.list({ limit: q.limit ?? 50, offset: q.offset ?? 0, entity: q.entity });
    return { items: page.items.map(auditEntryResponseOf), total: page.total };
  }
}
