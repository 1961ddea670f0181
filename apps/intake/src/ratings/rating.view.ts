import { ApiProperty } from '@nestjs/swagger';
import { serializeDates } from '@onewindow/platform';
import type { Rectification, RectificationStatus } from './rating.entity';

/** One rating (好差评): the level, in words, and the department rated. */
export class RatingLevelView {
  @ApiProperty({ minimum: 1, maximum: 5 })
  level!: number;

  @ApiProperty({ example: '满意' })
  levelText!: string;

  @ApiProperty({ description: 'The department rated' })
  department!: string;
}

/** What the applicant reads after rating (好差评). */
export class RatingReceiptView extends RatingLevelView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '感谢您的评价！' })
  message!: string;
}

/** 差评整改: an unfavourable rating the department must answer by its due date. */
export class RectificationView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  applicationId!: string;

  @ApiProperty()
  applicationNumber!: string;

  @ApiProperty({ format: 'uuid' })
  ratingId!: string;

  @ApiProperty()
  departmentCode!: string;

  @ApiProperty()
  departmentName!: string;

  @ApiProperty({ minimum: 1, maximum: 5 })
  level!: number;

  @ApiProperty({ type: String, nullable: true })
  complaint!: string | null;

  @ApiProperty({ format: 'date' })
  dueDate!: string;

  @ApiProperty({ enum: ['open', 'answered', 'closed'] })
  status!: RectificationStatus;

  @ApiProperty({ type: String, nullable: true })
  answer!: string | null;

  @ApiProperty({ type: String, nullable: true })
  answeredBy!: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  answeredAt!: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  closedAt!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export function toRectificationView(rectification: Rectification): RectificationView {
  return serializeDates(rectification);
}
