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

/** Lazily built index of line starts, for many offset → line look-ups. */
export class LineIndex {
  private starts: Int32Array | undefined;
  private readonly input: string;
  constructor(input: string) {
    this.input = input;
  }
  line(offset: number): number {
    if (!this.starts) {
      const s: number[] = [0];
      let k = this.input.indexOf("\n");
      while (k >= 0) {
        s.push(k + 1);
        k = this.input.indexOf("\n", k + 1);
      }
      this.starts = Int32Array.from(s);
    }
    const st = this.starts;
    let lo = 0;
    let hi = st.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (st[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
}
