export * from './config';
export { ALL_DEPARTMENTS_ROLES, DEPARTMENT_ROLES, ROLES, type AuthenticatedUser, type Role } from './auth/roles';
export {
  issueToken,
  verifyToken,
  TokenError,
  TokenVerifier,
  ONEWINDOW_ISSUER,
  type TokenClaims,
  type ExternalIdentityProvider,
  type VerifiedToken,
} from './auth/tokens';
export { CurrentUser, Public, Roles } from './auth/auth.decorators';
export { APPLICANT_SESSION_COOKIE, APPLICANT_SESSION_HEADER, SESSION_COOKIE, sessionTokenFromCookies } from './auth/session-cookie';
export { AuthGuard, AUTH_TOKEN_SECRET, type AuthenticatedRequest } from './auth/auth.guard';
export { departmentCondition, departmentScope, isInScope, scopeAdmits, type DepartmentScope } from './auth/department-scope';
export * from './logging';
export { MetricsService } from './metrics/metrics.service';
export { HealthRegistry, type HealthIndicator, type HealthWarning } from './health/health';
export { DomainError, type ErrorBody, type FieldError } from './http/domain-error';
export { ERROR_KINDS, HTTP_STATUS_OF_KIND, httpStatusOf, type ErrorKind, type ErrorStatus } from './http/error-kinds';
export {
  defineErrors,
  type ErrorCatalogue,
  type ErrorCodeOf,
  type ErrorDefinition,
  type ErrorFactory,
  type ErrorMessage,
} from './http/error-catalogue';
export { PLATFORM_ERRORS } from './http/platform-errors';
export { createValidationPipe, toFieldErrors, RequestValidationPipe } from './http/validation';
export { KeepWhitespace } from './http/request-fields';
export { IsCalendarDate } from './http/calendar-date';
export { ErrorFilter } from './http/error.filter';
export { MAX_DATABASE_INTEGER, MAX_PAGE, PageQuery, readPage, type Page, type PageRequest } from './http/pagination';
export { PageOf } from './http/page-response';
export { ApiDocumentResponse } from './http/document-response';
export { serializeDates, type Serialized } from './http/serialized';
export { ErrorResponse, ErrorDetailResponse, FieldErrorResponse } from './http/error-response';
export {
  ActorView,
  DepartmentRefView,
  FormFieldSourceView,
  FormFieldView,
  PartFormView,
  PartMaterialView,
  PartyView,
} from './http/shared-views';
export { PlatformModule, configureHttpApp, type PlatformOptions } from './platform.module';
export type { DemoAccount, HttpOnlyServiceName, ServiceDefinition } from './service/service-definition';
export { startService, type RunningService, type StartServiceOptions } from './service/start-service';
export { createOpenApiDocument, renderOpenApiJson } from './openapi/openapi-document';
export { buildOpenApiDocument } from './service/service-openapi';
export { runServiceCommand } from './service/run-service-command';
export { requestCause } from './service/request-cause';
export { PeriodicTask } from './service/periodic-task';
export { DiscardDeadLetterDto, DISCARD_REASON_MAX, discardedByOf } from './service/operations/discard-dead-letter.dto';
export { WorkingDayCalendarModule, CalendarYearsService, WORKING_DAY_CALENDAR } from './calendar/calendar.module';
export { CalendarYear } from './calendar/calendar-year.entity';
export { Clock, SystemClock, ManualClock } from './clock/clock';
