import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

/** The longest reason a dead letter may be discarded with. */
export const DISCARD_REASON_MAX = 500;

/** Discarding a dead letter says why (every service's and the bridge's): kept beside it, shown in the list. */
export class DiscardDeadLetterDto {
  @ApiProperty({ title: '丢弃原因', maxLength: DISCARD_REASON_MAX, example: '测试环境误发的消息，业务上无需处理' })
  @IsString({ message: '请填写丢弃原因' })
  @Matches(/\S/, { message: '请填写丢弃原因' })
  @MaxLength(DISCARD_REASON_MAX, { message: `丢弃原因不能超过${DISCARD_REASON_MAX}个字` })
  reason!: string;
}

/** Who discarded: the account's name with its id, so the record stays attributable after a rename. */
export function discardedByOf(user: { id: string; name: string }): string {
  return `${user.name}（${user.id}）`;
}
