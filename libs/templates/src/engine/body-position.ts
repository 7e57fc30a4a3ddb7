/** The 1-based line and column of a UTF-16 index in a template body, as findings name a place. */
export function lineAndColumn(body: string, index: number): { line: number; column: number } {
  const before = body.slice(0, index);
  return { line: before.split('\n').length, column: index - before.lastIndexOf('\n') };
}
