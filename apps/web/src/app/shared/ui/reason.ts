/** What the API accepts as a reason (kill switch, manual exit, cancel): its `reason` DTO pattern. */
const REASON_PATTERN = /^[\w .,:;()'/-]{3,200}$/;

/** Why a typed reason would be refused, or null when it is fine (checked before sending). */
export function reasonProblem(text: string): string | null {
  const t = text.trim();
  if (t.length < 3) return 'Give a reason of at least 3 characters.';
  if (t.length > 200) return 'Keep the reason under 200 characters.';
  if (!REASON_PATTERN.test(t)) return "Use letters, digits, spaces and . , : ; ( ) ' / - only.";
  return null;
}
