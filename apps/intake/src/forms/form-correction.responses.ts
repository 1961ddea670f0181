import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FORM_CORRECTION_OCCASIONS, type FormCorrection, type FormCorrectionOccasion } from './form-correction.entity';

export class FormChangeResponse {
  @ApiProperty({ description: 'The answer’s path in the application’s form', example: 'drawingReview' })
  path!: string;

  @ApiProperty({ example: '施工图设计文件审查合格书编号' })
  label!: string;

  @ApiPropertyOptional({ description: 'As read before; absent for a new answer', example: '聊审图〔2026〕第0386号' })
  before?: string;

  @ApiPropertyOptional({ description: 'As read after; absent for a removed answer', example: '聊审图〔2026〕第0386-1号' })
  after?: string;
}

export class CorrectedByResponse {
  @ApiProperty({ example: 'clerk-1' })
  id!: string;

  @ApiProperty({ example: '李受理' })
  name!: string;
}

/** 申请表更正记录: one correction — what changed, who, when, on which occasion. */
export class FormCorrectionResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({
    enum: FORM_CORRECTION_OCCASIONS,
    description: 'check 审查时更正 / supplement 补正时更正 / department-request 部门要求补正时更正',
  })
  occasion!: FormCorrectionOccasion;

  @ApiProperty({ type: [FormChangeResponse] })
  changes!: FormChangeResponse[];

  @ApiProperty({ type: CorrectedByResponse })
  correctedBy!: CorrectedByResponse;

  @ApiProperty({ format: 'date-time' })
  correctedAt!: string;
}

export function toFormCorrectionResponse(correction: FormCorrection): FormCorrectionResponse {
  return {
    id: correction.id,
    occasion: correction.occasion,
    changes: correction.changes,
    correctedBy: { id: correction.correctedBy, name: correction.correctedByName },
    correctedAt: correction.correctedAt.toISOString(),
  };
}
