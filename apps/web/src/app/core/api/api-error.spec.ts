import type { HttpErrorResponse } from '@angular/common/http';
import { messageOf, toApiError } from './api-error';

/** The fields of an HttpErrorResponse that `toApiError` reads (the Angular class does not load under jest). */
const response = (status: number, error: unknown) => ({ status, statusText: '', error }) as HttpErrorResponse;

describe('toApiError', () => {
  it('reads a 422 ORDER_DENIED as a denial with every code, saying nothing was sent', () => {
    const err = toApiError(
      response(422, { code: 'ORDER_DENIED', message: 'MARGIN_EXCEEDS_USABLE: order needs 1 paise of margin', denials: ['ENTRY_SHAPE_INVALID', 'MARGIN_EXCEEDS_USABLE'], intentIds: ['k1'], orderIds: [7], positionId: null, correlationId: 'c-1' }),
    );
    expect(err).toMatchObject({ status: 422, code: 'ORDER_DENIED', denials: ['ENTRY_SHAPE_INVALID', 'MARGIN_EXCEEDS_USABLE'], correlationId: 'c-1' });
    expect(messageOf(err)).toBe('Denied by the risk checks (ENTRY_SHAPE_INVALID, MARGIN_EXCEEDS_USABLE): MARGIN_EXCEEDS_USABLE: order needs 1 paise of margin. Nothing was sent; the denied orders are in the journal.');
  });

  it('keeps other errors as the API worded them', () => {
    const err = toApiError(response(409, { code: 'CONFLICT', message: 'TRADING_HALTED: account 1 is halted', correlationId: 'c-2' }));
    expect(err).toMatchObject({ code: 'CONFLICT', messages: ['TRADING_HALTED: account 1 is halted'], denials: [] });
  });
});
