/** Builders of valid events for tests (`@onewindow/contracts/testing`): never imported by production code. */
export {
  aCaseDecided,
  aDepartmentResult,
  aDepartmentSupplementRequest,
  aLicenceIssued,
  anApplicationAccepted,
  anApplicationPart,
  aNoticeAcknowledged,
  aNoticeEscalated,
  aRevocationRequest,
  aSupervisionRecord,
  aSupervisionRecordReceived,
} from './testing/builders';
