export { validateResidentId, computeResidentIdCheckDigit, type ResidentIdCheck } from './identifiers/resident-id';
export { validateCreditCode, computeCreditCodeCheckCharacter } from './identifiers/credit-code';
export { validatePhone } from './identifiers/phone';
export type { IdentifierCheck } from './identifiers/identifier-check';
export { IsChinesePhone, IsCreditCode, IsResidentId } from './identifiers/decorators';
export {
  addDays,
  assertLocalDate,
  dateTimeInShanghai,
  dayOfWeek,
  isLocalDate,
  localDateInShanghai,
  type LocalDate,
} from './calendar/local-date';
export { checkCalendarYear, type CalendarDataProblem, type CalendarYearData, type NamedDate } from './calendar/calendar-year';
export {
  CalendarDataError,
  WorkingDayCalendar,
  calendarWarning,
  createWorkingDayCalendar,
  type DeadlineResult,
} from './calendar/working-day-calendar';
export { maskPersonalDataInText, maskPhone, maskResidentId } from './privacy/masking';
export { escapeHtml } from './text/escape-html';
export { documentDate, printablePage } from './text/printable-page';
export { blacklistEntriesText, creditStanding, isActive, type CreditRecord, type CreditStanding } from './credit/credit-standing';
export { compileDocumentShape, inDocumentOrder, type DocumentProblem, type DocumentShapeCheck } from './documents/document-shape';
export { formatPath, parsePath, pointerSegments, type PathSegment } from './documents/document-paths';
export { describeSyntaxError, type DocumentFormat } from './documents/document-syntax';
