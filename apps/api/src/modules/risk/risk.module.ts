import { Module } from '@nestjs/common';

/** The risk domain of mCube (see apps/api/README.md for what each module owns). */
@Module({})
export class RiskModule {}
