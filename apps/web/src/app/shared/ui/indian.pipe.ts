import { Pipe, PipeTransform } from '@angular/core';
import { indian } from './indian-number';

/** A number with Indian digit grouping and a fixed number of decimals ('—' for null). */
@Pipe({ name: 'indian' })
export class IndianPipe implements PipeTransform {
  transform(value: number | null | undefined, digits = 0): string {
    return value === null || value === undefined ? '—' : indian(value, digits);
  }
}
