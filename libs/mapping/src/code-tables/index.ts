import type { CodeTable } from '../mapping-spec';
import { DIVISIONS_GB_T_2260_LIAOCHENG } from './divisions';
import { ID_DOCUMENT_TYPES } from './id-document-types';
import { SEX_GB_T_2261_1 } from './sex';

export { DIVISIONS_GB_T_2260_LIAOCHENG, ID_DOCUMENT_TYPES, SEX_GB_T_2261_1 };

/** The tables every spec may name without declaring them (the CLI passes these). */
export const SHARED_CODE_TABLES: readonly CodeTable[] = Object.freeze([SEX_GB_T_2261_1, DIVISIONS_GB_T_2260_LIAOCHENG, ID_DOCUMENT_TYPES]);
