import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { AppException } from '../errors/app-exception';
import { parseCanonicalId } from './canonical-id';

/**
 * A numeric row id from a path parameter: a canonical positive decimal integer (see
 * `parseCanonicalId`), else 400 VALIDATION_FAILED. The global pipe has already applied the same
 * rule to every `number` path parameter; this pipe states it at the route and accepts its output.
 */
@Injectable()
export class IdParamPipe implements PipeTransform<string | number, number> {
  transform(value: string | number, meta: ArgumentMetadata): number {
    const id = parseCanonicalId(typeof value === 'number' ? String(value) : value);
    if (id === undefined) throw new AppException('VALIDATION_FAILED', [`${meta.data ?? 'id'} must be a positive integer written in plain decimal digits`]);
    return id;
  }
}
