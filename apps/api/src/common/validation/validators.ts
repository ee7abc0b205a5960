import { applyDecorators } from '@nestjs/common';
import { IsInt, IsNumber, IsOptional, Matches, Max, Min, ValidateIf } from 'class-validator';

/** Largest amount of paise a setting may hold: ₹1,000 crore, far above any account here. */
export const MAX_SETTING_PAISE = 1_000_00_00_000 * 100;

/** May be absent; when present must not be null (for PUT bodies that change only some fields). */
export const OptionalNotNull = (): PropertyDecorator => ValidateIf((_o, v) => v !== undefined);

/** May be absent or null (null switches the limit off). */
export const OptionalNullable = (): PropertyDecorator => IsOptional();

/** An integer amount of paise in [min, MAX_SETTING_PAISE]. */
export const IsPaise = (min = 0): PropertyDecorator =>
  applyDecorators(IsInt({ message: '$property must be an integer number of paise' }), Min(min), Max(MAX_SETTING_PAISE));

/** A finite number in [min, max]. */
export const IsNumberIn = (min: number, max: number): PropertyDecorator =>
  applyDecorators(IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 6 }), Min(min), Max(max));

/** An integer in [min, max]. */
export const IsIntIn = (min: number, max: number): PropertyDecorator => applyDecorators(IsInt(), Min(min), Max(max));

/** An IST wall-clock time `HH:MM`. */
export const IsIstTime = (): PropertyDecorator => Matches(/^(?:[01]\d|2[0-3]):[0-5]\d$/, { message: '$property must be an IST time HH:MM' });
