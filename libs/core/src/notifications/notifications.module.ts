import { Module } from '@nestjs/common';
import { ProgramsModule } from '../programs/programs.module.js';
import { NotificationsController } from './notifications.controller.js';
import { NotificationsRepository } from './notifications.repository.js';
import { NotificationsService } from './notifications.service.js';

/** Deadline notifications for the state officers and the coordination; the progress jobs write them. */
@Module({
  imports: [ProgramsModule],
  controllers: [NotificationsController],
  providers: [NotificationsRepository, NotificationsService],
  exports: [NotificationsRepository],
})
export class NotificationsModule {}
