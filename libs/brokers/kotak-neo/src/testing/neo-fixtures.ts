import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Folder of the recorded-shape payloads (one JSON per endpoint and message type, and the CSV masters). */
export const NEO_FIXTURES_DIR = join(__dirname, 'fixtures');

/** The text of a fixture file. */
export function neoFixtureText(name: string): string {
  return readFileSync(join(NEO_FIXTURES_DIR, name), 'utf8');
}

/** A fresh deep copy of a JSON fixture (`name` without `.json`). */
export function neoFixture<T extends object = Record<string, unknown>>(name: string): T {
  return JSON.parse(neoFixtureText(`${name}.json`)) as T;
}

/** The first row of a list fixture (`{data: [row]}`), as a template to override. */
export function neoRowTemplate(name: string): Record<string, unknown> {
  const data = neoFixture<{ data: Record<string, unknown>[] }>(name).data;
  return { ...data[0] };
}
