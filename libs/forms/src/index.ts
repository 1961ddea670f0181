export {
  EMPTY_FORM,
  FIELD_KINDS,
  FORM_SCHEMA_DIALECT,
  PREFILL_SOURCES,
  type CodeListEntry,
  type FieldKind,
  type FieldSchema,
  type FormDefinition,
  type FormLayout,
  type FormSchema,
  type LayoutGroup,
  type PrefillRef,
  type PrefillSource,
  type SituationAnswers,
  type SituationRule,
} from './definition/form-definition';
export { field, prefill } from './definition/fields';
export { formatPath, keywordOf, kindOf, labelAt, parsePath, schemaAt, setValueAt, valueAt, type PathSegment } from './definition/paths';
export { effectiveSchema, matchingRules, resolveForm } from './definition/resolve-form';
export { checkFormDefinition, type FormContext, type FormDefinitionProblem } from './definition/check-form-definition';
export { DATA_ELEMENTS, ENTERPRISE_TYPES, HOUSEHOLD_FORMS, findDataElement, type DataElement } from './elements/data-elements';
export { DIVISIONS, divisionName, isDivisionCode } from './elements/divisions';
export {
  FormValidator,
  withoutBlanks,
  type CompiledForm,
  type FormValidation,
  type FormValidatorOptions,
} from './validation/form-validator';
export type { FormProblem } from './validation/problem-messages';
export { itemPathsOf, mergeForms, projectFormData, type FieldRoute, type FormPart, type MergedForm } from './bundles/merge-forms';
export {
  addressFromText,
  diffFormData,
  displayText,
  fillStatistics,
  formLeaves,
  provenanceOf,
  valueFromPrefill,
  type FieldProvenance,
  type FillStatistics,
  type FilledField,
  type FormChange,
  type FormLeaf,
} from './values/form-values';
export { compareDecimal, isDecimalAmount } from './values/decimal';
