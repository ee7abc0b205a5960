import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '../../../common/decorators/roles.decorator';
import { AuditService } from './audit.service';
import { ListAuditLogDto } from './dto/list-audit-log.dto';

/** The audit trail (admin only). */
@ApiTags('audit')
@Roles('admin')
@Controller('audit-log')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  list(@Query() q: ListAuditLogDto) {
    return this.audit.list({ limit: q.limit ?? 50, offset: q.offset ?? 0, entity: q.entity });
  }
}
