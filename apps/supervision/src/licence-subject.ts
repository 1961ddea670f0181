import { Column, PrimaryColumn } from 'typeorm';
import type { DepartmentRefV1, LicenceIssuedV1, PartyV1 } from '@onewindow/contracts';

/**
 * What a supervising department's notice or verification task is about: one licence as approval
 * announced it, and the department that must act. Entities extend it; the columns are theirs.
 */
export abstract class LicenceSubject {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'licence_id', type: 'uuid' })
  licenceId!: string;

  @Column({ name: 'licence_number', type: 'text' })
  licenceNumber!: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId!: string;

  @Column({ name: 'item_code', type: 'text' })
  itemCode!: string;

  @Column({ name: 'item_name', type: 'text' })
  itemName!: string;

  @Column({ name: 'issuing_department_code', type: 'text' })
  issuingDepartmentCode!: string;

  @Column({ name: 'department_code', type: 'text' })
  departmentCode!: string;

  @Column({ name: 'department_name', type: 'text' })
  departmentName!: string;

  @Column({ type: 'jsonb' })
  holder!: PartyV1;
}

export function licenceSubject(id: string, licence: LicenceIssuedV1, department: DepartmentRefV1): LicenceSubject {
  return {
    id,
    licenceId: licence.licenceId,
    licenceNumber: licence.licenceNumber,
    applicationId: licence.applicationId,
    itemCode: licence.itemCode,
    itemName: licence.itemName,
    issuingDepartmentCode: licence.issuingDepartment.code,
    departmentCode: department.code,
    departmentName: department.name,
    holder: licence.holder,
  };
}
