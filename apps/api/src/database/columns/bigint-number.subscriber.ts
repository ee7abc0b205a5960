import { EntitySubscriberInterface, EventSubscriber, InsertEvent } from 'typeorm';
import { bigintNumberTransformer } from './bigint-number.transformer';

/**
 * After an insert, TypeORM copies the values PostgreSQL returns for defaulted columns into
 * the entity without running their transformers, so a defaulted `bigint` would come back as
 * the string `'0'`. This puts such values through `bigintNumberTransformer.from`, so callers
 * always see numbers. Registered on every data source.
 */
@EventSubscriber()
export class BigintNumberSubscriber implements EntitySubscriberInterface {
  afterInsert(event: InsertEvent<unknown>): void {
    const entity = event.entity as object | undefined;
    if (!entity || !event.metadata) return;
    for (const column of event.metadata.columns) {
      if (column.transformer !== bigintNumberTransformer) continue;
      const value: unknown = column.getEntityValue(entity);
      if (typeof value === 'string' || typeof value === 'bigint') {
        column.setEntityValue(entity, bigintNumberTransformer.from(value));
      }
    }
  }
}
