import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { AppException } from '../errors/app-exception';
import { parseCanonicalId } from './canonical-id';

/** Flattens nested validation errors into readable `path: message` lines. */
export function validationMessages(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((e) => {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((msg) => (msg.includes(e.property) ? `${prefix ? `${prefix}.` : ''}${msg}` : `${path}: ${msg}`));
    return [...own, ...validationMessages(e.children ?? [], path)];
  });
}

/**
 * The global ValidationPipe: unknown properties are refused (whitelist + forbidNonWhitelisted),
 * payloads become DTO instances (transform, no implicit conversion), and failures become a
 * 400 `VALIDATION_FAILED` listing each problem. Values are never echoed back.
 */
export function createValidationPipe(): ValidationPipe {
  return new AppValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    stopAtFirstError: false,
    exceptionFactory: (errors) => new AppException('VALIDATION_FAILED', validationMessages(errors)),
  });
}

/**
 * Refuses a top-level array or scalar where a DTO object is expected, with a plain message.
 * Path parameters are never converted the JavaScript way (`Number('+8')` is 8, `Number('0xb')`
 * is 11): a `number` parameter must be a canonical id (else 400), any other stays the raw string.
 */
class AppValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'param') {
      if (metadata.metatype !== Number) return value;
      const id = parseCanonicalId(value);
      if (id === undefined) throw new AppException('VALIDATION_FAILED', [`${metadata.data ?? 'id'} must be a positive integer written in plain decimal digits`]);
      return id;
    }
    const expectsDto = metadata.type === 'body' && typeof metadata.metatype === 'function' && metadata.metatype !== Object;
    if (expectsDto && (value === null || typeof value !== 'object' || Array.isArray(value))) {
      throw new AppException('VALIDATION_FAILED', ['body must be a JSON object']);
    }
    return super.transform(value, metadata);
  }
}
