import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { AppException } from '../errors/app-exception';

/** Parses a numeric row id from a path parameter: a positive safe integer, else 400 VALIDATION_FAILED. */
@Injectable()
export class IdParamPipe implements PipeTransform<string, number> {
  transform(value: string, meta: ArgumentMetadata): number {
    const n = /^[1-9]\d{0,15}$/.test(value) ? Number(value) : NaN;
    if (!Number.isSafeInteger(n)) throw new AppException('VALIDATION_FAILED', [`${meta.data ?? 'id'} must be a positive integer`]);
    return n;
  }
}
