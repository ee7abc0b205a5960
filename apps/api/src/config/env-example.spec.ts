import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { envVariableNames } from './env.schema';

const example = readFileSync(join(__dirname, '../../../../.env.example'), 'utf8');
const declared = example
  .split('\n')
  .map((line) => /^([A-Z][A-Z0-9_]*)=/.exec(line)?.[1])
  .filter((name): name is string => name !== undefined);

describe('.env.example', () => {
  it('lists exactly the variables EnvSchema declares', () => {
    expect([...declared].sort()).toEqual(envVariableNames());
  });

  it('lists each variable once', () => {
    expect(new Set(declared).size).toBe(declared.length);
  });

  it('puts a comment or section above every variable', () => {
    const lines = example.split('\n');
    const undocumented = lines.filter((line, i) => /^[A-Z]/.test(line) && !lines.slice(Math.max(0, i - 4), i).some((l) => l.startsWith('#')));
    expect(undocumented).toEqual([]);
  });
});
