import { SnakeNamingStrategy, toSnakeCase } from './snake-naming.strategy';

describe('SnakeNamingStrategy', () => {
  it('turns camelCase property names into snake_case column names', () => {
    expect(toSnakeCase('allocatedCapitalPaise')).toBe('allocated_capital_paise');
    expect(toSnakeCase('accountId')).toBe('account_id');
    expect(toSnakeCase('iv')).toBe('iv');
    expect(toSnakeCase('ltpPaise')).toBe('ltp_paise');
  });

  it('lets an explicit column name win', () => {
    expect(new SnakeNamingStrategy().columnName('keyHash', 'hash_of_key', [])).toBe('hash_of_key');
  });

  it('names a relation join column like the matching id property', () => {
    const naming = new SnakeNamingStrategy();
    expect(naming.joinColumnName('account', 'id')).toBe(naming.columnName('accountId', undefined, []));
  });
});
