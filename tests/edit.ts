/**
 * `code` with the one occurrence of `before` replaced by `after`: expected suggestion outputs
 * written as the edit they make. Throws when `before` is missing or ambiguous, so a typo in a
 * test cannot silently compare against the wrong text.
 */
export function edit(code: string, before: string, after: string): string {
  const index = code.indexOf(before);
  if (index === -1 || code.indexOf(before, index + 1) !== -1) {
    throw new Error(`expected exactly one ${JSON.stringify(before)} in:\n${code}`);
  }
  return code.slice(0, index) + after + code.slice(index + before.length);
}
