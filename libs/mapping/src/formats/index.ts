export { CsvSyntaxError, parseCsv, writeCsv } from './csv';
export {
  declaredXmlEncoding,
  decodeRecordFile,
  encodeRecordFile,
  FILE_ENCODINGS,
  FILE_FORMATS,
  RecordFileError,
  type DecodedRecords,
  type FileEncoding,
  type FileFormat,
  type FileLayout,
} from './record-file';
export { parseXml, writeXml, XmlSyntaxError, type XmlObject, type XmlValue } from './xml';
