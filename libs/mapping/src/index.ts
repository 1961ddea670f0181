export {
  MappingSpecError,
  type CodeLookup,
  type CodeTable,
  type CodeTableDeclaration,
  type CodeTableEntry,
  type CodeTableReference,
  type Condition,
  type DateConversion,
  type DateFormat,
  type FieldRule,
  type JsonValue,
  type MappingSpec,
  type NumberConversion,
  type RoundingMode,
  type Scalar,
  type SpecProblem,
  type UnmappedPolicy,
} from './mapping-spec';
export { DEFAULT_LIMITS, type MappingError, type MappingErrorCode, type MappingLimits, type MappingResult } from './mapping-result';
export { compileMapping, type CompileOptions, type CompiledMapping } from './compile-mapping';
export { parseCodeTables, parseMappingSpec, validateCodeTables, validateMappingSpec } from './parse-spec';
export { MAPPING_SPEC_SCHEMA } from './mapping-spec-schema';
export { runMappingCli, type MappingCliIo } from './cli';
export {
  checkRoundTrip,
  deriveReverse,
  type DerivedReverse,
  type NotInvertibleField,
  type NotInvertibleReason,
  type ReverseReport,
  type ReversedField,
  type RoundTripDifference,
  type RoundTripReport,
} from './derive-reverse';
export { DIVISIONS_GB_T_2260_LIAOCHENG, ID_DOCUMENT_TYPES, SEX_GB_T_2261_1, SHARED_CODE_TABLES } from './code-tables';
export {
  CsvSyntaxError,
  declaredXmlEncoding,
  decodeRecordFile,
  encodeRecordFile,
  FILE_ENCODINGS,
  FILE_FORMATS,
  parseCsv,
  parseXml,
  RecordFileError,
  writeCsv,
  writeXml,
  XmlSyntaxError,
  type DecodedRecords,
  type FileEncoding,
  type FileFormat,
  type FileLayout,
  type XmlObject,
  type XmlValue,
} from './formats';
export { mapSample, SAMPLE_FORMATS, type SampleFormat, type SampleOutcome, type SampleProblem, type SampleToMap } from './map-sample';
