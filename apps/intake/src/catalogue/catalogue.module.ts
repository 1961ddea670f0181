import { Module } from '@nestjs/common';
import { FormsModule } from '../forms/forms.module';
import { CatalogueRepositoryModule } from './catalogue-repository.module';
import { CatalogueController } from './catalogue.controller';
import { CatalogueService } from './catalogue.service';

/** 事项标准库: the service items the window accepts, with their departments and materials. */
@Module({
  imports: [FormsModule, CatalogueRepositoryModule],
  controllers: [CatalogueController],
  providers: [CatalogueService],
  exports: [CatalogueService],
})
export class CatalogueModule {}
