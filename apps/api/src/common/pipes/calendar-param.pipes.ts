import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { AppException } from '../errors/app-exception';
import { isRealIsoDate } from '../validation/iso-date';

/** A path date: exactly 'YYYY-MM-DD' and a real date, else 400 VALIDATION_FAILED. Type the parameter `string`. */
@Injectable()
export class IsoDateParamPipe implements PipeTransform<unknown, string> {
  transform(value: unknown, meta: ArgumentMetadata): string {
    if (!isRealIsoDate(value)) throw new AppException('VALIDATION_FAILED', [`${meta.data ?? 'date'} must be a real date YYYY-MM-DD`]);
    return value;
  }
}

/**
 * A path year: exactly four digits 2000–2999, else 400 VALIDATION_FAILED. Returns the canonical
 * text; type the parameter `string` so no global conversion sees '+2027' or '02027' first.
 */
@Injectable()
export class YearParamPipe implements PipeTransform<unknown, string> {
  transform(value: unknown, meta: ArgumentMetadata): string {
    if (typeof value !== 'string' || !/^2\d{3}$/.test(value)) throw new AppException('VALIDATION_FAILED', [`${meta.data ?? 'year'} must be a year 2000-2999`]);
    return value;
  }
}
