import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MappingProblemView } from '../exchange-log/exchange-log.view';

/** What became of one record a department system delivered. */
export class InboundOutcomeView {
  @ApiProperty({ enum: ['published', 'duplicate', 'dead-lettered'] })
  status!: 'published' | 'duplicate' | 'dead-lettered';

  @ApiProperty({ description: 'The department’s own id of the record' })
  reference!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'When published' })
  eventId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'When dead-lettered' })
  deadLetterId?: string;

  @ApiPropertyOptional({ type: [MappingProblemView], description: 'When dead-lettered' })
  problems?: MappingProblemView[];
}

export class WebhookReceiptView {
  @ApiProperty({ type: [InboundOutcomeView] })
  outcomes!: InboundOutcomeView[];
}
