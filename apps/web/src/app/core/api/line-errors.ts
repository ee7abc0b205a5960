/** The per-line problems of a rejected import (`IMPORT_REJECTED`: `errors: [{ line, reason }]`), as readable lines; [] for any other body. */
export function lineErrorsOf(body: unknown): string[] {
  const errors = (body as { errors?: unknown } | null)?.errors;
  if (!Array.isArray(errors)) return [];
  return errors.filter((e): e is { line: number; reason: string } => typeof e?.line === 'number' && typeof e?.reason === 'string').map((e) => `line ${e.line}: ${e.reason}`);
}
