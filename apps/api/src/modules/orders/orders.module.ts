import { Module } from '@nestjs/common';

/** The orders domain of mCube (see apps/api/README.md for what each module owns). */
@Module({})
export class OrdersModule {}
