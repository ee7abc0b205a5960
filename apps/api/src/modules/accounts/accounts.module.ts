import { Module } from '@nestjs/common';

/** The accounts domain of mCube (see apps/api/README.md for what each module owns). */
@Module({})
export class AccountsModule {}
