import { ApiProperty } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { IsCalendarDate } from './calendar-date';

class Licence {
  @ApiProperty({ title: '有效期至' })
  @IsCalendarDate()
  validUntil!: string;
}

function messages(validUntil: unknown): string[] {
  return validateSync(plainToInstance(Licence, { validUntil })).flatMap((error) => Object.values(error.constraints ?? {}));
}

describe('IsCalendarDate', () => {
  it('accepts dates that exist, 29 February of a leap year included', () => {
    for (const date of ['2031-03-04', '2028-02-29', '2026-12-31', '2027-01-01']) expect(messages(date)).toEqual([]);
  });

  it('refuses days and months that do not exist, in Chinese and naming the field', () => {
    for (const date of ['2031-02-30', '2031-13-01', '2026-02-29', '2031-04-31', '2031-00-10', '2031-01-00']) {
      expect(messages(date)).toEqual([`“有效期至”应为真实存在的日期，格式YYYY-MM-DD（收到“${date}”）`]);
    }
  });

  it('refuses other shapes and kinds', () => {
    for (const value of ['2031-3-4', '20310304', '2031-03-04T00:00:00Z', ' 2031-03-04', 20310304, null])
      expect(messages(value)).toHaveLength(1);
  });
});
