import { Body, Controller, Get, Header, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { DATA_ELEMENTS } from '@onewindow/forms';
import { LEVELS } from '@onewindow/contracts';
import {
  ApiDocumentResponse,
  DomainError,
  KeepWhitespace,
  MAX_DATABASE_INTEGER,
  PageOf,
  PageQuery,
  Public,
  Roles,
  type Page,
} from '@onewindow/platform';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { CATALOGUE_SCHEMA } from './catalogue.schema';
import { requiredMaterials } from './materials-check';
import { CatalogueService, type CatalogueFormat } from './catalogue.service';
import {
  CatalogueDepartmentView,
  ImportSummaryView,
  ItemMaterialsView,
  ServiceBundleView,
  ServiceItemView,
  toServiceBundleView,
  toServiceItemView,
} from './catalogue.view';
import { BundleFormResponse, DataElementResponse, ItemFormResponse } from './form.responses';

class ListItemsQuery extends PageQuery {
  @ApiPropertyOptional({ title: '部门编码', description: '部门编码', example: 'DCF-SCJGJ' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  department?: string;

  @ApiPropertyOptional({ title: '受理层级', enum: LEVELS, description: '可受理层级' })
  @IsOptional()
  @IsIn(LEVELS, { message: '受理层级只能是区县、乡镇(街道)或村(社区)' })
  level?: string;

  @ApiPropertyOptional({ title: '查找内容', description: '按名称或编码查找', example: '食品' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  search?: string;
}

class ItemVersionQuery {
  @ApiPropertyOptional({ title: '版本号', minimum: 1, maximum: MAX_DATABASE_INTEGER, description: '不填为现行版本' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_DATABASE_INTEGER)
  version?: number;
}

class ExportQuery {
  @ApiPropertyOptional({ title: '文件格式', enum: ['json', 'yaml'] })
  @IsOptional()
  @IsIn(['json', 'yaml'], { message: '格式只能是 json 或 yaml' })
  format?: CatalogueFormat;
}

class ImportCatalogueDto {
  @ApiProperty({ title: '文件格式', enum: ['json', 'yaml'] })
  @IsIn(['json', 'yaml'], { message: '格式只能是 json 或 yaml' })
  format!: CatalogueFormat;

  @ApiProperty({ title: '文件内容', description: 'The catalogue file: departments, items and bundles' })
  @IsString({ message: '请提供文件内容' })
  @KeepWhitespace()
  content!: string;
}

@ApiTags('catalogue 事项目录')
@Controller('catalogue')
export class CatalogueController {
  constructor(private readonly catalogue: CatalogueService) {}

  @Get('items')
  @Public()
  @ApiOperation({ summary: '事项目录: current service items, filtered by department, level or name' })
  @ApiOkResponse({ type: PageOf(ServiceItemView) })
  async list(@Query() query: ListItemsQuery): Promise<Page<ServiceItemView>> {
    const page = await this.catalogue.listCurrent({
      page: query.page,
      pageSize: query.pageSize,
      ...(query.department ? { departmentCode: query.department } : {}),
      ...(query.level ? { level: query.level } : {}),
      ...(query.search ? { search: query.search } : {}),
    });
    return { ...page, items: page.items.map(toServiceItemView) };
  }

  @Get('departments')
  @Public()
  @ApiOperation({ summary: 'The departments with current items (the catalogue’s department filter)' })
  @ApiOkResponse({ type: [CatalogueDepartmentView] })
  departments(): Promise<CatalogueDepartmentView[]> {
    return this.catalogue.departments();
  }

  @Get('items/:code/versions')
  @Public()
  @ApiOperation({ summary: 'Every version of an item, newest first (the current one marked)' })
  @ApiOkResponse({ type: [ServiceItemView] })
  async versions(@Param('code') code: string): Promise<ServiceItemView[]> {
    return (await this.catalogue.itemVersions(code)).map(toServiceItemView);
  }

  @Get('items/:code')
  @Public()
  @ApiOperation({ summary: 'One item: the current version, or `?version=N`' })
  @ApiOkResponse({ type: ServiceItemView })
  async item(@Param('code') code: string, @Query() query: ItemVersionQuery): Promise<ServiceItemView> {
    return toServiceItemView(await this.catalogue.findItem(code, query.version));
  }

  @Get('items/:code/form')
  @Public()
  @ApiOperation({ summary: '申请表: the form of the current version, or of `?version=N` (the one an application was filed under)' })
  @ApiOkResponse({ type: ItemFormResponse })
  itemForm(@Param('code') code: string, @Query() query: ItemVersionQuery): Promise<ItemFormResponse> {
    return this.catalogue.itemForm(code, query.version);
  }

  @Get('items/:code/materials')
  @Public()
  @ApiOperation({ summary: '办理情形: the material list for the answers given as query parameters, e.g. `?Q1=A`' })
  @ApiOkResponse({ type: ItemMaterialsView })
  async materials(@Param('code') code: string, @Query() answers: Record<string, string>): Promise<ItemMaterialsView> {
    const item = await this.catalogue.findItem(code);
    const result = requiredMaterials(item, answers, 'query');
    if (result.problems.length > 0) {
      throw DomainError.validation(result.problems.map((p) => ({ path: p.field, code: 'SITUATION_INVALID', message: p.message })));
    }
    return { itemCode: item.code, itemVersion: item.version, materials: result.materials };
  }

  @Get('bundles')
  @Public()
  @ApiOperation({ summary: '一件事: current bundles' })
  @ApiOkResponse({ type: [ServiceBundleView] })
  async bundles(): Promise<ServiceBundleView[]> {
    return (await this.catalogue.listBundles()).map(toServiceBundleView);
  }

  @Get('bundles/:code/form')
  @Public()
  @ApiOperation({
    summary: '一表申请: the bundle’s items’ forms merged, each shared data element asked once, with the items each field goes to',
  })
  @ApiOkResponse({ type: BundleFormResponse })
  bundleForm(@Param('code') code: string): Promise<BundleFormResponse> {
    return this.catalogue.bundleForm(code);
  }

  @Get('data-elements')
  @Public()
  @ApiOperation({ summary: '数据元: the shared data elements item forms refer to' })
  @ApiOkResponse({ type: [DataElementResponse] })
  dataElements(): DataElementResponse[] {
    return DATA_ELEMENTS.map((element) => ({ ...element }));
  }

  @Get('bundles/:code')
  @Public()
  @ApiOkResponse({ type: ServiceBundleView })
  async bundle(@Param('code') code: string): Promise<ServiceBundleView> {
    return toServiceBundleView(await this.catalogue.findBundle(code));
  }

  @Get('export')
  @ApiBearerAuth()
  @Roles('admin')
  @ApiOperation({ summary: 'The current catalogue as a file (JSON or YAML) that import takes back' })
  @Header('Content-Type', 'text/plain; charset=utf-8')
  @ApiDocumentResponse('text/plain', 'The catalogue file, in the format asked for')
  async export(@Query() query: ExportQuery): Promise<string> {
    return this.catalogue.export(query.format ?? 'yaml');
  }

  @Get('schema')
  @Public()
  @ApiOperation({
    summary: "The catalogue file's JSON Schema (2020-12): the shape import checks a file against, for editors and generators",
  })
  @Header('Content-Type', 'application/schema+json; charset=utf-8')
  @ApiDocumentResponse('application/schema+json', 'The JSON Schema of the file export writes and import takes')
  schema(): string {
    return JSON.stringify(CATALOGUE_SCHEMA, null, 2);
  }

  @Post('import')
  @HttpCode(200)
  @ApiBearerAuth()
  @Roles('admin')
  @ApiOperation({ summary: 'Imports a catalogue file; every problem is listed with its path and nothing is written unless there are none' })
  @ApiOkResponse({ type: ImportSummaryView })
  async import(@Body() body: ImportCatalogueDto): Promise<ImportSummaryView> {
    return this.catalogue.import(this.catalogue.parseFile(body.content, body.format));
  }
}
