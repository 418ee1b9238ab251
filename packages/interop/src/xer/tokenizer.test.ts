import { isPmokitError } from "@pmokit/core";
import { describe, expect, it } from "vitest";
import { tokenizeXer } from "./tokenizer.js";

describe("tokenizeXer", () => {
  it("splits tables, pads short rows and keeps line numbers", () => {
    const doc = tokenizeXer(
      "ERMHDR\t20.12\t2024-01-01\r\n%T\tTASK\r\n%F\ta\tb\r\n%R\t1\r\n%R\t2\t3\r\n%E\r\n",
    );
    const t = doc.tables.get("TASK")!;
    expect(doc.header).toEqual(["20.12", "2024-01-01"]);
    expect(t.rows).toEqual([
      ["1", ""],
      ["2", "3"],
    ]);
    expect(t.lines).toEqual([4, 5]);
  });

  it("rejects non-XER, misplaced records and truncated files with the line", () => {
    for (const [text, line] of [
      ["hello", 1],
      ["ERMHDR\n%R\t1\n%E\n", 2],
      ["ERMHDR\n%T\tA\n%F\tx\n%R\t1\n", 5],
      ["ERMHDR\n%T\tA\n%F\tx\n%T\tA\n%E\n", 4],
    ] as const) {
      try {
        tokenizeXer(text);
        expect.unreachable();
      } catch (e) {
        expect(isPmokitError(e) && e.code).toBe("PARSE_ERROR");
        expect((e as { details: { line: number } }).details.line).toBe(line);
      }
    }
  });
});
