import { ValidateBy, type ValidationOptions } from 'class-validator';

const ISO_DATE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Whether `value` is a real calendar date written canonically 'YYYY-MM-DD' (no 2027-02-30). */
export function isRealIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** A real IST date 'YYYY-MM-DD'. */
export const IsRealIsoDate = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy({ name: 'isRealIsoDate', validator: { validate: (v: unknown) => isRealIsoDate(v), defaultMessage: () => '$property must be a real date YYYY-MM-DD' } }, options);
