import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One field at fault (OpenAPI schema of `FieldError`). */
export class FieldErrorResponse {
  @ApiProperty({ description: 'Path in the request body', example: 'applicant.identifier' })
  path!: string;

  @ApiProperty({ example: 'IS_RESIDENT_ID' })
  code!: string;

  @ApiProperty({ description: 'Chinese, for the person at the window', example: '居民身份证号码校验位错误，请核对后重新输入' })
  message!: string;
}

export class ErrorDetailResponse {
  @ApiProperty({ description: 'Stable code to act on', example: 'VALIDATION_FAILED' })
  code!: string;

  @ApiProperty({ description: 'Chinese, for the person at the window', example: '提交的信息有误，请按提示修改' })
  message!: string;

  @ApiProperty({ type: [FieldErrorResponse] })
  fields!: FieldErrorResponse[];

  @ApiPropertyOptional({ description: 'The request id (also in the X-Request-Id header), for support' })
  requestId?: string;
}

/** The one error body of the platform (OpenAPI schema of `ErrorBody`). */
export class ErrorResponse {
  @ApiProperty({ type: ErrorDetailResponse })
  error!: ErrorDetailResponse;
}
