/** The demo 人社局社会保险经办系统 and its adapter: loaded at run time by the embedded tests, which start the system on its own as a department would run it. */
export {
  socialInsuranceAdapter,
  SOCIAL_INSURANCE_ADAPTER_ID,
  SOCIAL_INSURANCE_ITEM,
  type SocialInsuranceAdapterOptions,
} from './social-insurance-adapter';
export { startSocialInsuranceSystem, type SocialInsuranceCase, type SocialInsuranceSystem } from './social-insurance-system';
export { aSocialInsurancePart, socialInsuranceForm } from '../testing/social-insurance-part';
