/** Valid identifiers for tests and demo data (`@onewindow/domain/testing`): never imported by the services' domain code. */
export { aCreditCode, aResidentId, aUniqueCreditCode } from './identifiers/testing';
