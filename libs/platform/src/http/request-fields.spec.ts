import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { plainToInstance, Type } from 'class-transformer';
import { IsOptional, IsString, ValidateIf, ValidateNested } from 'class-validator';
import { KeepWhitespace, nulCharacterPaths, prepareRequestFields } from './request-fields';

class Holder {
  @ApiProperty({ title: '主体名称' })
  @IsString()
  name!: string;

  @ApiPropertyOptional({ title: '电话' })
  @IsOptional()
  @IsString()
  phone?: string;
}

class Record {
  @ApiProperty({ title: '当事人' })
  @ValidateNested()
  @Type(() => Holder)
  holder!: Holder;

  @ApiPropertyOptional({ title: '代理人' })
  @IsOptional()
  @ValidateNested()
  @Type(() => Holder)
  agent?: Holder;

  @ApiPropertyOptional({ title: '担保人' })
  @ValidateIf((record: Record) => record.agent !== undefined)
  @ValidateNested()
  @Type(() => Holder)
  guarantor?: Holder;

  @ApiPropertyOptional({ title: '代理权限' })
  @ValidateIf((record: Record) => record.agent !== undefined)
  @IsString()
  agentRole?: string;

  @ApiPropertyOptional({ title: '附件内容' })
  @IsOptional()
  @IsString()
  @KeepWhitespace()
  attachment?: string;

  @ApiPropertyOptional({ title: '标签' })
  @IsOptional()
  @IsString({ each: true })
  tags?: string[];

  @ApiPropertyOptional({ title: '撤销日期', nullable: true })
  @IsOptional()
  @IsString()
  withdrawnOn?: string | null;
}

function prepared(plain: object) {
  const dto = plainToInstance(Record, plain);
  return { problems: prepareRequestFields(dto), dto };
}

describe('readying a request DTO', () => {
  it('refuses a required nested object that is missing, which class-validator lets pass', () => {
    expect(prepared({}).problems).toEqual([{ path: 'holder', code: 'REQUIRED', message: '请填写“当事人”' }]);
    expect(prepared({ holder: { name: '王小明' } }).problems).toEqual([]);
  });

  it('leaves optional and conditional nested objects to their own rules', () => {
    expect(prepared({ holder: { name: '王小明' }, agent: { name: '李代理' } }).problems).toEqual([]);
  });

  it('reads null in an optional field as not given, at every level, unless the DTO declares it nullable', () => {
    const { dto, problems } = prepared({ holder: { name: '王小明', phone: null }, agent: null, withdrawnOn: null });
    expect(problems).toEqual([]);
    expect('agent' in dto).toBe(false);
    expect('phone' in dto.holder).toBe(false);
    expect(dto.withdrawnOn).toBeNull();
  });

  it('keeps null in a required field, for class-validator to refuse as missing', () => {
    expect(prepared({ holder: null }).dto.holder).toBeNull();
  });

  it('trims every text, in nested objects and lists too, except where the DTO keeps white space', () => {
    const { dto, problems } = prepared({
      holder: { name: '  王小明 ', phone: ' 13806351234\t' },
      tags: [' 重点 '],
      attachment: '  a: 1\n  b: 2\n',
    });
    expect(problems).toEqual([]);
    expect(dto.holder).toEqual({ name: '王小明', phone: '13806351234' });
    expect(dto.tags).toEqual(['重点']);
    expect(dto.attachment).toBe('  a: 1\n  b: 2\n');
  });

  it('refuses a blank required text as missing, and reads a blank optional or conditional one as not given', () => {
    const { dto, problems } = prepared({ holder: { name: ' \t ', phone: '   ' }, agentRole: ' ' });
    expect(problems).toEqual([{ path: 'holder.name', code: 'REQUIRED', message: '请填写“主体名称”' }]);
    expect('phone' in dto.holder).toBe(false);
    expect('agentRole' in dto).toBe(false);
  });

  it('refuses a NUL in any text or key, naming the field where the DTO names it', () => {
    const { problems } = prepared({ holder: { name: '王\u0000小明' }, tags: ['a\u0000'], situations: { 'Q1\u0000': 'A' } });
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: 'holder.name', code: 'NUL_CHARACTER', message: '“主体名称”含有不允许的空字符（\\u0000），请删除后重新提交' },
        { path: 'tags[0]', code: 'NUL_CHARACTER', message: '请求含有不允许的空字符（\\u0000），请删除后重新提交' },
      ]),
    );
  });

  it('finds a NUL in plain parameters, keys included, without recursion', () => {
    expect(nulCharacterPaths('\u0000', 'code')).toEqual(['code']);
    expect(nulCharacterPaths({ Q1: 'A', Q2: ['B', 'C\u0000'], 'Q\u00003': 'D' })).toEqual(['Q\u00003', 'Q2[1]']);
    const deep = Array.from({ length: 50_000 }).reduce<unknown>((inner) => [inner], '\u0000');
    expect(nulCharacterPaths(deep)).toHaveLength(1);
    expect(nulCharacterPaths({ name: '王小明' })).toEqual([]);
  });
});
