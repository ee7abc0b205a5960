import { renderMigration, renderMigrationIndex } from './render-migration';

describe('renderMigration', () => {
  const source = renderMigration({
    name: 'AddThing',
    timestamp: 1700000000000,
    up: [{ query: 'CREATE TABLE "a" ("x" text DEFAULT `tick` ${not_a_template})' }, { query: 'CREATE INDEX "i" ON "a" ("x")' }],
    down: [{ query: 'DROP TABLE "a"' }, { query: 'DROP INDEX "i"' }],
  });

  it('names the class <Name><timestamp> as TypeORM does', () => {
    expect(source).toContain('export class AddThing1700000000000 implements MigrationInterface');
    expect(source).toContain("name = 'AddThing1700000000000';");
  });

  it('escapes backticks and ${ so the SQL survives inside a template literal', () => {
    expect(source).toContain('DEFAULT \\`tick\\` \\${not_a_template}');
  });

  it('writes down queries in reverse order of the schema builder', () => {
    const down = source.slice(source.indexOf('public async down'));
    expect(down.indexOf('DROP INDEX')).toBeLessThan(down.indexOf('DROP TABLE'));
  });

  it('lists migrations oldest first in the index', () => {
    const index = renderMigrationIndex('sqlite', ['1-First.ts', '2-Second.ts']);
    expect(index).toContain("import { First1 } from './1-First';");
    expect(index.indexOf('First1,')).toBeLessThan(index.indexOf('Second2,'));
    expect(index).toContain('export const SQLITE_MIGRATIONS');
  });
});
