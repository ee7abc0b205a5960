import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { DecisionResponse } from '@mcube/contracts';
import { DecisionsService } from './decisions.service';
import { ListDecisionsDto } from './dto/list-decisions.dto';

/** The decision journal (any role): every strategy decision with the inputs it was made from. */
@ApiTags('strategies')
@Controller('decisions')
export class DecisionsController {
  constructor(private readonly decisions: DecisionsService) {}

  @Get()
  list(@Query() q: ListDecisionsDto): Promise<DecisionResponse[]> {
    return this.decisions.list(q);
  }
}
