import { Global, Module } from '@nestjs/common';
import { AuditController } from './audit.controller.js';
import { AuditRepository } from './audit.repository.js';
import { AuditService } from './audit.service.js';

/** A leaf every feature writes to; global so features need not import it. */
@Global()
@Module({ controllers: [AuditController], providers: [AuditRepository, AuditService], exports: [AuditRepository] })
export class AuditModule {}
