import { PmokitError } from "@pmokit/core";

// TextDecoder is in every target runtime (browsers, Deno, Bun, Node) but not in the ES lib typings.
interface TextDecoderLike {
  readonly encoding: string;
  decode(input?: Uint8Array): string;
}
declare const TextDecoder: new (label?: string, options?: { fatal?: boolean }) => TextDecoderLike;

/**
 * Result of {@link decodeText}: the text and the encoding that was used, and how it was chosen.
 *
 * @category Encoding
 * @since 0.1.0
 */
export interface DecodedText {
  readonly text: string;
  /** WHATWG encoding label actually used, e.g. `"utf-8"`, `"windows-1252"`. */
  readonly encoding: string;
  /** `"declared"` (option or XML declaration), `"bom"`, `"valid-utf-8"` or `"guessed"`. */
  readonly source: "declared" | "bom" | "valid-utf-8" | "guessed";
}

/**
 * Options of {@link decodeText}.
 *
 * @category Encoding
 * @since 0.1.0
 */
export interface DecodeOptions {
  /** Force an encoding (any WHATWG label: `utf-8`, `windows-1252`, `windows-1251`, `utf-16le`, ...). */
  readonly encoding?: string;
  /** Fallback for non-UTF-8 input without a declaration (default `"windows-1252"`, P6's usual encoding). */
  readonly fallback?: string;
  /** File name for error messages. */
  readonly fileName?: string;
}

function makeDecoder(label: string, fileName: string | undefined, fatal = false): TextDecoderLike {
  try {
    return new TextDecoder(label, { fatal });
  } catch {
    throw new PmokitError(
      "UNSUPPORTED_FORMAT",
      `${fileName ? `${fileName}: ` : ""}unknown text encoding '${label}'`,
      {
        ...(fileName === undefined ? {} : { file: fileName }),
        expected: "a WHATWG encoding label such as utf-8 or windows-1252",
        received: label,
      },
    );
  }
}

/** Whether the bytes look like Cyrillic windows-1251 rather than Western windows-1252. */
function looksCyrillic(bytes: Uint8Array): boolean {
  let run = 0;
  let runs = 0;
  let singles = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b >= 0xc0) {
      run++;
    } else {
      if (run >= 3) runs++;
      else if (run > 0) singles++;
      run = 0;
    }
  }
  if (run >= 3) runs++;
  return runs > 0 && runs >= singles;
}

/**
 * Decodes bytes to text with `TextDecoder`, detecting the encoding: an explicit `encoding` option
 * wins, then a byte-order mark, then an XML declaration's `encoding="..."`, then valid UTF-8, and
 * finally a guess between windows-1251 (runs of Cyrillic letters) and the `fallback`
 * (windows-1252). A string input is returned unchanged.
 *
 * @param input - bytes or an already decoded string
 * @param options - forced encoding, fallback and file name
 * @returns the text with the encoding used and how it was chosen
 * @throws PmokitError `UNSUPPORTED_FORMAT` for an unknown encoding label
 * @example
 * ```ts
 * import { decodeText } from "@pmokit/interop";
 * decodeText(new Uint8Array([0x63, 0x61, 0x66, 0xe9])).text; // "café" (windows-1252)
 * ```
 * @category Encoding
 * @since 0.1.0
 */
export function decodeText(input: Uint8Array | string, options: DecodeOptions = {}): DecodedText {
  if (typeof input === "string") return { text: input, encoding: "utf-16", source: "declared" };
  const file = options.fileName;
  if (options.encoding !== undefined) {
    const d = makeDecoder(options.encoding, file);
    return { text: d.decode(input), encoding: d.encoding, source: "declared" };
  }
  if (input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf)
    return { text: makeDecoder("utf-8", file).decode(input), encoding: "utf-8", source: "bom" };
  if (input[0] === 0xff && input[1] === 0xfe)
    return { text: makeDecoder("utf-16le", file).decode(input), encoding: "utf-16le", source: "bom" };
  if (input[0] === 0xfe && input[1] === 0xff)
    return { text: makeDecoder("utf-16be", file).decode(input), encoding: "utf-16be", source: "bom" };
  // XML declaration (ASCII-compatible encodings only).
  if (input[0] === 0x3c && input[1] === 0x3f) {
    let end = 0;
    while (end < input.length && end < 200 && input[end] !== 0x3e) end++;
    const decl = String.fromCharCode(...input.subarray(0, end));
    const m = /encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(decl);
    if (m) {
      const label = m[1]!;
      let d: TextDecoderLike | undefined;
      try {
        d = new TextDecoder(label);
      } catch {
        d = undefined;
      }
      if (d) return { text: d.decode(input), encoding: d.encoding, source: "declared" };
    }
  }
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(input);
    return { text, encoding: "utf-8", source: "valid-utf-8" };
  } catch {
    const label = looksCyrillic(input) ? "windows-1251" : (options.fallback ?? "windows-1252");
    const d = makeDecoder(label, file);
    return { text: d.decode(input), encoding: d.encoding, source: "guessed" };
  }
}
