import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { plainToInstance, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Max,
  MaxLength,
  ValidateNested,
  validateSync,
} from 'class-validator';
import { toFieldErrors } from './validation-messages';

class MaterialLine {
  @ApiProperty({ title: '事项编码' })
  @IsString()
  @MaxLength(40)
  itemCode!: string;

  @ApiProperty({ title: '审查结果' })
  @IsIn(['provided', 'missing'])
  finding!: string;
}

class Filing {
  @ApiProperty({ title: '申请事项' })
  @IsArray()
  @ArrayMaxSize(2)
  @IsString({ each: true, message: '事项编码必须是文字' })
  itemCodes!: string[];

  @ApiProperty({ title: '申请人名称' })
  @IsString()
  @Length(1, 10, { message: '申请人名称长度应为1到10个字' })
  name!: string;

  @ApiPropertyOptional({ title: '份数' })
  @IsOptional()
  @IsInt()
  @Max(5)
  copies?: number;

  @ApiPropertyOptional({ title: '材料' })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => MaterialLine)
  materials?: MaterialLine[];

  @IsOptional()
  @IsString()
  untitled?: string;
}

function problems(plain: object) {
  const errors = validateSync(plainToInstance(Filing, plain), {
    whitelist: true,
    forbidNonWhitelisted: true,
    validationError: { target: true, value: true },
  });
  return toFieldErrors(errors);
}

const valid = { itemCodes: ['DCF-SCJG-XK-001'], name: '王小明' };

describe('validation messages', () => {
  it('names the field by its Chinese title and gives the constraint its arguments', () => {
    expect(problems({ ...valid, copies: 9, materials: [{ itemCode: 'X'.repeat(41), finding: 'lost' }] })).toEqual([
      { path: 'copies', code: 'MAX', message: '“份数”不能大于5' },
      { path: 'materials[0].itemCode', code: 'MAX_LENGTH', message: '“事项编码”不能超过40个字符' },
      { path: 'materials[0].finding', code: 'IS_IN', message: '“审查结果”只能是 provided、missing 之一' },
    ]);
  });

  it("keeps a DTO's own Chinese message", () => {
    expect(problems({ ...valid, name: '一二三四五六七八九十一' })).toEqual([
      { path: 'name', code: 'IS_LENGTH', message: '申请人名称长度应为1到10个字' },
    ]);
  });

  it('reports a value of the wrong kind once, not with every rule it could not be checked against', () => {
    expect(problems({ ...valid, itemCodes: 'DCF-SCJG-XK-001' })).toEqual([
      { path: 'itemCodes', code: 'IS_ARRAY', message: '“申请事项”必须是列表' },
    ]);
    expect(problems({ ...valid, copies: 'two' })).toEqual([{ path: 'copies', code: 'IS_INT', message: '“份数”必须是整数' }]);
  });

  it('reports a missing required field as one "to be filled in"', () => {
    expect(problems({ itemCodes: valid.itemCodes })).toEqual([{ path: 'name', code: 'REQUIRED', message: '请填写“申请人名称”' }]);
    expect(problems({ ...valid, name: null })).toEqual([{ path: 'name', code: 'REQUIRED', message: '请填写“申请人名称”' }]);
  });

  it('names an element of a list by its position', () => {
    expect(problems({ ...valid, materials: ['M01'] })).toEqual([
      { path: 'materials[0]', code: 'NESTED_VALIDATION', message: '“材料第1项”必须是对象' },
    ]);
  });

  it('refuses a field the DTO does not have, by its name', () => {
    expect(problems({ ...valid, priority: 'urgent' })).toEqual([
      { path: 'priority', code: 'WHITELIST_VALIDATION', message: '不允许提交字段“priority”' },
    ]);
  });

  it('falls back to the property name only where a DTO gives no title (the OpenAPI test forbids that)', () => {
    expect(problems({ ...valid, untitled: 3 })).toEqual([{ path: 'untitled', code: 'IS_STRING', message: '“untitled”必须是文字' }]);
  });
});
