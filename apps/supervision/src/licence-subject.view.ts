import { ApiProperty } from '@nestjs/swagger';
import { PartyView } from '@onewindow/platform';

/** The licence a notice or a verification is about, and the supervising department it is for. */
export class LicenceSubjectView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  licenceId!: string;

  @ApiProperty({ example: 'JY13715022026000001' })
  licenceNumber!: string;

  @ApiProperty({ format: 'uuid' })
  applicationId!: string;

  @ApiProperty()
  itemCode!: string;

  @ApiProperty()
  itemName!: string;

  @ApiProperty({ description: 'The department that issued the licence' })
  issuingDepartmentCode!: string;

  @ApiProperty({ description: 'The supervising department' })
  departmentCode!: string;

  @ApiProperty()
  departmentName!: string;

  @ApiProperty({ type: PartyView })
  holder!: PartyView;
}
