// Mutation fuzzing of every reader: truncation, byte flips, deleted and duplicated lines (elements
// and rows), inserted markup and wrong encodings, on our own fixtures and on the shared oracle
// files when present. Every outcome must be a project or a typed PmokitError, never another throw.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { ProjectSchema, isPmokitError } from "@pmokit/core";
import { describe, expect, it } from "vitest";
import { SHARED_DATA } from "../../../test-utils/shared-data.js";
import { importCsv } from "./csv/csv.js";
import { exportCsv } from "./csv/csv.js";
import { readProjectFile } from "./detect.js";
import { writeMspdi } from "./mspdi/write.js";
import { LEGACY_MSPDI, MINI_PMXML, MINI_XER, sampleProject } from "./testing/fixtures.js";

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const enc = new TextEncoder();
const SNIPPETS = [
  "<",
  ">",
  "</Task>",
  "<Task>",
  "&",
  "&bogus;",
  "<!DOCTYPE x [<!ENTITY a 'b'>]>",
  "\t",
  "%R\t",
  "%T\tTASK",
  "%F\ta",
  "%E",
  '"',
  "\u0000",
  "\uFFFD",
  "-1",
  "NaN",
  "99999999999",
  "2025-02-30T00:00:00",
  "PT-5H",
  "(0||",
  ")",
  "\r\n",
];

function mutate(base: Uint8Array, r: () => number): { bytes: Uint8Array; encoding?: string } {
  let b = base;
  const ops = 1 + Math.floor(r() * 3);
  let encoding: string | undefined;
  for (let k = 0; k < ops; k++) {
    const op = Math.floor(r() * 8);
    const pos = Math.floor(r() * b.length);
    switch (op) {
      case 0: // truncate
        b = b.subarray(0, pos);
        break;
      case 1: {
        // flip bytes
        const c = Uint8Array.from(b);
        for (let j = 0; j < 1 + Math.floor(r() * 8); j++)
          if (c.length > 0) c[Math.floor(r() * c.length)] = Math.floor(r() * 256);
        b = c;
        break;
      }
      case 2:
      case 3: {
        // delete or duplicate a line (an element in pretty-printed XML, a row in XER/CSV)
        const text = new TextDecoder("latin1").decode(b);
        const lines = text.split("\n");
        const i = Math.floor(r() * lines.length);
        if (op === 2) lines.splice(i, 1 + Math.floor(r() * 3));
        else lines.splice(i, 0, ...lines.slice(i, i + 1 + Math.floor(r() * 3)));
        b = Uint8Array.from(lines.join("\n"), (ch) => ch.charCodeAt(0) & 0xff);
        break;
      }
      case 4: {
        // insert a snippet
        const s = enc.encode(SNIPPETS[Math.floor(r() * SNIPPETS.length)]!);
        const c = new Uint8Array(b.length + s.length);
        c.set(b.subarray(0, pos));
        c.set(s, pos);
        c.set(b.subarray(pos), pos + s.length);
        b = c;
        break;
      }
      case 5: {
        // wrong encoding: re-encode as UTF-16, or declare a wrong one
        const choice = Math.floor(r() * 3);
        if (choice === 0) {
          const t = new TextDecoder().decode(b);
          const c = new Uint8Array(t.length * 2);
          for (let j = 0; j < t.length; j++) {
            c[2 * j] = t.charCodeAt(j) & 0xff;
            c[2 * j + 1] = t.charCodeAt(j) >> 8;
          }
          b = r() < 0.5 ? c : Uint8Array.from([0xff, 0xfe, ...c.subarray(0, 20000)]);
        } else encoding = ["utf-16be", "windows-1251", "iso-8859-7", "x-unknown-enc"][Math.floor(r() * 4)];
        break;
      }
      case 6: {
        // swap two chunks
        const a = Math.floor(r() * b.length);
        const len = Math.floor(r() * 200);
        const c = Uint8Array.from(b);
        c.copyWithin(pos, a, Math.min(b.length, a + len));
        b = c;
        break;
      }
      default: {
        // replace a digit run with an extreme number
        const text = new TextDecoder("latin1").decode(b);
        const m = /\d+/g;
        m.lastIndex = pos;
        const hit = m.exec(text);
        if (hit)
          b = Uint8Array.from(
            text.slice(0, hit.index) +
              ["-1", "0", "4294967296", "1e308", "31"][Math.floor(r() * 5)] +
              text.slice(hit.index + hit[0].length),
            (ch) => ch.charCodeAt(0) & 0xff,
          );
      }
    }
  }
  return encoding === undefined ? { bytes: b } : { bytes: b, encoding };
}

interface Stats {
  cases: number;
  ok: number;
  errors: Record<string, number>;
}

function run(
  bases: readonly { name: string; bytes: Uint8Array; csv?: boolean }[],
  cases: number,
  seed: number,
): Stats {
  const r = rng(seed);
  const stats: Stats = { cases: 0, ok: 0, errors: {} };
  for (let i = 0; i < cases; i++) {
    const base = bases[i % bases.length]!;
    const { bytes, encoding } = mutate(base.bytes, r);
    try {
      if (base.csv) importCsv(bytes, { table: "tasks", currency: "USD", ...(encoding ? { encoding } : {}) });
      else {
        const res = readProjectFile(bytes, { fileName: base.name, ...(encoding ? { encoding } : {}) });
        // The readers check their own output with a targeted check instead of the zod schema: whatever
        // they accept must still satisfy the full schema.
        for (const p of res.projects) {
          const check = ProjectSchema.safeParse(p);
          if (!check.success)
            throw new Error(
              `fuzz case ${i} (${base.name}, seed ${seed}): ${res.format} result fails the schema: ${JSON.stringify(check.error.issues[0])}`,
            );
        }
      }
      stats.ok++;
    } catch (e) {
      if (!isPmokitError(e)) {
        throw new Error(
          `fuzz case ${i} (${base.name}, seed ${seed}) threw a non-pmokit error: ${e instanceof Error ? e.stack : String(e)}`,
        );
      }
      stats.errors[e.code] = (stats.errors[e.code] ?? 0) + 1;
    }
    stats.cases++;
  }
  return stats;
}

const own = [
  { name: "fixture.xml", bytes: enc.encode(writeMspdi(sampleProject())) },
  { name: "legacy.xml", bytes: enc.encode(LEGACY_MSPDI) },
  { name: "mini.xer", bytes: enc.encode(MINI_XER) },
  { name: "mini-pmxml.xml", bytes: enc.encode(MINI_PMXML) },
  { name: "fixture.json", bytes: enc.encode(JSON.stringify(sampleProject())) },
  { name: "tasks.csv", bytes: enc.encode(exportCsv(sampleProject().tasks, { table: "tasks" })), csv: true },
];

describe("fuzz: mutated inputs never crash a reader", () => {
  it("own fixtures: 8,500 cases, only typed pmokit errors", { timeout: 120_000 }, () => {
    const stats = run(own, 8500, 20251126);
    expect(stats.cases).toBe(8500);
    // Some mutations must survive and some must be rejected, else the fuzzer is not exercising anything.
    expect(stats.ok).toBeGreaterThan(500);
    expect(stats.errors["PARSE_ERROR"] ?? 0).toBeGreaterThan(500);
    console.log(`fuzz own fixtures: ${JSON.stringify(stats)}`);
  });

  const files: { name: string; bytes: Uint8Array }[] = [];
  for (const dir of ["mspdi", "xer", "xer/pmxml"]) {
    const full = `${SHARED_DATA}/${dir}`;
    if (!existsSync(full)) continue;
    for (const f of readdirSync(full))
      if (/\.(xml|xer)$/.test(f)) {
        const bytes = new Uint8Array(readFileSync(`${full}/${f}`));
        if (bytes.length <= 32_000) files.push({ name: f, bytes });
      }
  }
  it.skipIf(files.length === 0)(
    "shared oracle files (≤ 32 kB): 1,500 cases, only typed pmokit errors",
    { timeout: 120_000 },
    () => {
      const stats = run(files, 1500, 7);
      expect(stats.cases).toBe(1500);
      expect(stats.ok).toBeGreaterThan(50);
      console.log(`fuzz shared files (${files.length}): ${JSON.stringify(stats)}`);
    },
  );
});
