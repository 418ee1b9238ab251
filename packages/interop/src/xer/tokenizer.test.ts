import { isPmokitError } from "@pmokit/core";
import { describe, expect, it } from "vitest";
import { decodeClndr, serialDayToIso } from "./clndr.js";
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

describe("clndr_data", () => {
  it("decodes weeks, exceptions (serial days from 1899-12-30) and partial working days", () => {
    expect(serialDayToIso(44049)).toBe("2020-08-06");
    const blob =
      "(0||CalendarData()((0||DaysOfWeek()((0||1()())(0||2()((0||0(f|12:00|s|08:00)())(0||1(f|17:00|s|13:00)())))(0||7()((0||0(s|22:00|f|00:00)())))))(0||Exceptions()((0||0(d|44049)())(0||1(d|44050)((0||0(f|12:00|s|8:00)())))))))";
    const d = decodeClndr(blob)!;
    expect(d.weekDays.sunday).toEqual({ working: false });
    expect(d.weekDays.monday).toEqual({
      working: true,
      times: [
        { from: "08:00", to: "12:00" },
        { from: "13:00", to: "17:00" },
      ],
    });
    expect(d.weekDays.saturday).toEqual({ working: true, times: [{ from: "22:00", to: "24:00" }] });
    expect(d.exceptions).toEqual([
      { from: "2020-08-06", to: "2020-08-06", working: false },
      { from: "2020-08-07", to: "2020-08-07", working: true, times: [{ from: "08:00", to: "12:00" }] },
    ]);
  });

  it("accepts P6's pretty-printed form and returns undefined for garbage", () => {
    const pretty =
      "(0||CalendarData()(\u007f\u007f  (0||DaysOfWeek()(\r\n    (0||1()())))\r\n  (0||VIEW(ShowTotal|N)())))";
    expect(decodeClndr(pretty)?.weekDays.sunday).toEqual({ working: false });
    expect(decodeClndr("(0||CalendarData()(")).toBeUndefined();
    expect(decodeClndr("nonsense")).toBeUndefined();
  });
});
