/**
 * A JSON value, as it appears in Vega-Lite data rows and specifications.
 *
 * @category Vega-Lite
 * @since 0.1.0
 */
export type JsonValue =
  string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/**
 * One encoding channel (the subset pmokit emits).
 *
 * @category Vega-Lite
 * @since 0.1.0
 */
export interface VegaLiteChannel {
  readonly field?: string;
  readonly type?: "quantitative" | "temporal" | "ordinal" | "nominal";
  readonly title?: string | null;
  readonly value?: JsonValue;
  readonly datum?: JsonValue;
  readonly sort?: JsonValue;
  readonly scale?: { readonly [key: string]: JsonValue };
  readonly axis?: { readonly [key: string]: JsonValue } | null;
  readonly legend?: { readonly [key: string]: JsonValue } | null;
  readonly bin?: JsonValue;
  readonly aggregate?: string;
  readonly format?: string;
  readonly stack?: JsonValue;
  readonly condition?: JsonValue;
}

/**
 * Encoding channels (the subset pmokit emits).
 *
 * @category Vega-Lite
 * @since 0.1.0
 */
export interface VegaLiteEncoding {
  readonly x?: VegaLiteChannel;
  readonly x2?: VegaLiteChannel;
  readonly y?: VegaLiteChannel;
  readonly y2?: VegaLiteChannel;
  readonly color?: VegaLiteChannel;
  readonly opacity?: VegaLiteChannel;
  readonly size?: VegaLiteChannel;
  readonly shape?: VegaLiteChannel;
  readonly text?: VegaLiteChannel;
  readonly order?: VegaLiteChannel;
  readonly detail?: VegaLiteChannel;
  readonly tooltip?: VegaLiteChannel | readonly VegaLiteChannel[];
  readonly strokeDash?: VegaLiteChannel;
}

/**
 * A mark: a type name or a definition object.
 *
 * @category Vega-Lite
 * @since 0.1.0
 */
export type VegaLiteMark =
  | "bar"
  | "line"
  | "point"
  | "rect"
  | "rule"
  | "text"
  | "tick"
  | "area"
  | { readonly type: string; readonly [key: string]: JsonValue };

/**
 * A Vega-Lite v5 specification as plain JSON (single view, layer or vertical concatenation): our
 * own minimal typing of the subset pmokit emits. Serialise with `JSON.stringify` and render with
 * vega-embed, Jupyter (`application/vnd.vegalite.v5+json`) or Observable.
 *
 * @category Vega-Lite
 * @since 0.1.0
 */
export interface VegaLiteSpec {
  readonly $schema?: string;
  readonly title?: string;
  readonly description?: string;
  readonly width?: number | "container";
  readonly height?: number | "container";
  readonly data?: { readonly values: readonly { readonly [key: string]: JsonValue }[] };
  readonly transform?: readonly { readonly [key: string]: JsonValue }[];
  readonly mark?: VegaLiteMark;
  readonly encoding?: VegaLiteEncoding;
  readonly layer?: readonly VegaLiteSpec[];
  readonly vconcat?: readonly VegaLiteSpec[];
  readonly resolve?: { readonly [key: string]: JsonValue };
  readonly config?: { readonly [key: string]: JsonValue };
}

/**
 * The Vega-Lite v5 JSON schema URL.
 *
 * @example
 * ```ts
 * import { VEGA_LITE_SCHEMA } from "@pmokit/report";
 * console.log(VEGA_LITE_SCHEMA);
 * ```
 * @category Vega-Lite
 * @since 0.1.0
 */
export const VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json";
