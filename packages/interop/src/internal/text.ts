/** 1-based line and column of a character offset. */
export function lineColumn(input: string, offset: number): { line: number; column: number } {
  const end = Math.max(0, Math.min(offset, input.length));
  let line = 1;
  let lineStart = 0;
  let k = input.indexOf("\n", 0);
  while (k >= 0 && k < end) {
    line++;
    lineStart = k + 1;
    k = input.indexOf("\n", lineStart);
  }
  return { line, column: end - lineStart + 1 };
}

/**
 * Offset → 1-based line look-ups for warnings. Readers ask in (mostly) increasing offset order, so
 * lines are counted incrementally from the previous answer (forward or backward) instead of indexing
 * every line start of a large input up front.
 */
export class LineIndex {
  private readonly input: string;
  private pos = 0;
  private lineAt = 1;
  constructor(input: string) {
    this.input = input;
  }
  line(offset: number): number {
    const s = this.input;
    const target = Math.max(0, Math.min(offset, s.length));
    let pos = this.pos;
    let line = this.lineAt;
    if (target >= pos) {
      let k = s.indexOf("\n", pos);
      while (k >= 0 && k < target) {
        line++;
        k = s.indexOf("\n", k + 1);
      }
    } else {
      // Newlines in [target, pos) are behind us.
      let k = s.lastIndexOf("\n", pos - 1);
      while (k >= target) {
        line--;
        k = k === 0 ? -1 : s.lastIndexOf("\n", k - 1);
      }
    }
    pos = target;
    this.pos = pos;
    this.lineAt = line;
    return line;
  }
}
