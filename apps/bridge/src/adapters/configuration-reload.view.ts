import { ApiProperty } from '@nestjs/swagger';
import { CONFIGURATION_RELOAD_OUTCOMES, type ConfigurationReload, type ConfigurationReloadOutcome } from './configuration-reload.entity';

export class ConfigurationProblemView {
  @ApiProperty({ title: '位置', example: 'adapters[0].outbound.mapping.fields[3].codeTable' })
  path!: string;

  @ApiProperty({ title: '问题' })
  message!: string;
}

/** One reading of the adapters file: applied (the mappings in force now) or refused with every problem. */
export class ConfigurationReloadView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ title: '加载时间', format: 'date-time' })
  at!: string;

  @ApiProperty({ title: '操作人' })
  reloadedBy!: string;

  @ApiProperty({ title: '适配器文件' })
  file!: string;

  @ApiProperty({ title: '文件摘要（SHA-256）', type: String, nullable: true })
  fileSha256!: string | null;

  @ApiProperty({ title: '结果', enum: CONFIGURATION_RELOAD_OUTCOMES })
  outcome!: ConfigurationReloadOutcome;

  @ApiProperty({ title: '已更新的映射规则', type: [String] })
  changedMappings!: string[];

  @ApiProperty({ title: '配置问题', type: [ConfigurationProblemView] })
  problems!: ConfigurationProblemView[];
}

export function toConfigurationReloadView(reload: ConfigurationReload): ConfigurationReloadView {
  return { ...reload, at: reload.at.toISOString() };
}
