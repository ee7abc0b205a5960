import { breezeCredentials, ICICI_BREEZE_DEFAULT_API_URL, ICICI_BREEZE_DEFAULT_V2_URL, iciciBreezeHostsFromEnv, IciciBreezeConfigError } from './icici-breeze.config';

describe('ICICI Breeze configuration', () => {
  it('defaults to the documented hosts and per-call timeouts', () => {
    const hosts = iciciBreezeHostsFromEnv({});
    expect(hosts.apiUrl).toBe(ICICI_BREEZE_DEFAULT_API_URL);
    expect(hosts.v2Url).toBe(ICICI_BREEZE_DEFAULT_V2_URL);
    expect(hosts.timeouts).toEqual({ orderMs: 8000, readMs: 10000, sessionMs: 10000, bulkMs: 60000 });
  });

  it('reads ICICI_BREEZE_API_URL / _V2_URL (adding the trailing slash) and the timeouts', () => {
    const hosts = iciciBreezeHostsFromEnv({ ICICI_BREEZE_API_URL: 'http://127.0.0.1:9/breezeapi/api/v1', ICICI_BREEZE_V2_URL: 'http://127.0.0.1:9/api/v2/', ICICI_BREEZE_ORDER_TIMEOUT_MS: '3000' });
    expect(hosts.apiUrl).toBe('http://127.0.0.1:9/breezeapi/api/v1/');
    expect(hosts.v2Url).toBe('http://127.0.0.1:9/api/v2/');
    expect(hosts.timeouts.orderMs).toBe(3000);
  });

  it('refuses a URL that is not http(s), carries credentials or a query, and a bad timeout', () => {
    expect(() => iciciBreezeHostsFromEnv({ ICICI_BREEZE_API_URL: 'ftp://x/' })).toThrow(IciciBreezeConfigError);
    expect(() => iciciBreezeHostsFromEnv({ ICICI_BREEZE_API_URL: 'https://u:p@x/' })).toThrow(/credentials/);
    expect(() => iciciBreezeHostsFromEnv({ ICICI_BREEZE_V2_URL: 'https://x/?a=1' })).toThrow(/query/);
    expect(() => iciciBreezeHostsFromEnv({ ICICI_BREEZE_READ_TIMEOUT_MS: '10s' })).toThrow(/whole number/);
  });

  it('refuses missing credentials without echoing them', () => {
    expect(() => breezeCredentials('KEY', undefined)).toThrow(/secret key is missing/);
    expect(() => breezeCredentials(' KEY', 'SECRET')).toThrow(IciciBreezeConfigError);
    const error = catchError(() => breezeCredentials('KEY', ' S3CRET-VALUE '));
    expect(error).toBeInstanceOf(IciciBreezeConfigError);
    expect(error?.message).not.toContain('S3CRET-VALUE');
    expect(breezeCredentials('KEY', 'SECRET')).toEqual({ appKey: 'KEY', secretKey: 'SECRET' });
  });
});

function catchError(fn: () => unknown): Error | undefined {
  try {
    fn();
    return undefined;
  } catch (e) {
    return e as Error;
  }
}
