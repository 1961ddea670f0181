import { Module } from '@nestjs/common';
import { PublishRecordsFromDepartmentSystems } from './publish-department-records.handler';
import { RecordRepository } from './record.repository';
import { RecordsController } from './records.controller';
import { RecordsService } from './records.service';

/** 监管信息: penalties, credit records and inspection results, published back to approval. */
@Module({
  controllers: [RecordsController],
  providers: [RecordRepository, RecordsService, PublishRecordsFromDepartmentSystems],
  exports: [RecordsService],
})
export class RecordsModule {}
