import { Module } from '@nestjs/common';
import { ApplicationForms } from './application-forms';

/** 申请表: item forms compiled once per version, shared by the catalogue's form API and filing. */
@Module({ providers: [ApplicationForms], exports: [ApplicationForms] })
export class FormsModule {}
