/**
 * `@pmokit/interop`: read and write Microsoft Project XML (MSPDI), read Primavera P6 XER and P6 XML
 * (PMXML), import and export CSV tables, all into and from the pmokit project model. Parsers take
 * bytes or strings (no file I/O), never process DTDs or expand entities, and report everything they
 * drop or could not map as structured warnings.
 *
 * @packageDocumentation
 */
export { readMspdi } from "./mspdi/read.js";
export type { ReadMspdiOptions, ReadMspdiResult } from "./mspdi/read.js";
export { writeMspdi } from "./mspdi/write.js";
export type { WriteMspdiOptions } from "./mspdi/write.js";
export { readXer } from "./xer/read.js";
export type { ReadXerOptions, ReadXerResult } from "./xer/read.js";
export { tokenizeXer } from "./xer/tokenizer.js";
export type { XerDocument, XerTable, XerTokenizeOptions } from "./xer/tokenizer.js";
export { readPmxml } from "./pmxml/read.js";
export type { ReadPmxmlOptions, ReadPmxmlResult } from "./pmxml/read.js";
export { readProjectFile, detectFormat } from "./detect.js";
export type { ProjectFileFormat, ReadProjectFileOptions, ReadProjectFileResult } from "./detect.js";
export { parseCsv, importCsv, exportCsv } from "./csv/csv.js";
export type {
  CsvTable,
  CsvData,
  ParseCsvOptions,
  ImportCsvOptions,
  ImportCsvResult,
  ExportCsvOptions,
} from "./csv/csv.js";
export { tokenizeXml } from "./xml/tokenizer.js";
export type { XmlHandler, XmlLimits, XmlTokenizeOptions } from "./xml/tokenizer.js";
export { parseXml } from "./xml/tree.js";
export type { XmlNode } from "./xml/tree.js";
export { decodeText } from "./text/decode.js";
export type { DecodedText, DecodeOptions } from "./text/decode.js";
export type { ReadWarning } from "./warnings.js";
