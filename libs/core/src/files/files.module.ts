import { Module } from '@nestjs/common';
import * as path from 'node:path';
import { AppConfig } from '../../../platform/src/config/app-config.js';
import { PlansModule } from '../plans/plans.module.js';
import { FILE_STORAGE, LocalFileStorage } from './file-storage.js';
import { FilesController } from './files.controller.js';
import { FilesService } from './files.service.js';
import { StoredFilesRepository } from './stored-files.repository.js';
import { UploadInterceptor } from './upload.interceptor.js';

/** Evidence files: upload (type checked by content, size limited) and download scoped to the file's state. */
@Module({
  imports: [PlansModule],
  controllers: [FilesController],
  providers: [
    StoredFilesRepository,
    FilesService,
    UploadInterceptor,
    { provide: FILE_STORAGE, inject: [AppConfig], useFactory: (config: AppConfig) => new LocalFileStorage(path.resolve(config.RUMBO_DATA_DIR, 'files')) },
  ],
  exports: [StoredFilesRepository, FilesService, FILE_STORAGE],
})
export class FilesModule {}
