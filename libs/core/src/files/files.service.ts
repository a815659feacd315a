import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { assertCanReadState, assertCanWriteState } from '../../../platform/src/auth/access.js';
import type { AuthUser } from '../../../platform/src/auth/roles.js';
import { FieldValidationException } from '../../../platform/src/http/field-errors.js';
import { AuditRepository } from '../audit/audit.repository.js';
import { ParticipationsService } from '../plans/participations.service.js';
import { toStoredFileResponse, type StoredFileResponse } from './dto/stored-file.response.js';
import { checkEvidenceContent, cleanFileName } from './evidence-content.js';
import { FILE_STORAGE, type FileStorage } from './file-storage.js';
import type { StoredFile } from './stored-file.entity.js';
import { StoredFilesRepository } from './stored-files.repository.js';
import { UPLOAD_FIELD, type UploadedEvidenceFile } from './upload.interceptor.js';

@Injectable()
export class FilesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly participationsService: ParticipationsService,
    private readonly files: StoredFilesRepository,
    private readonly audit: AuditRepository,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  /**
   * Stores an evidence file for one state. Its type is decided from the bytes; the bytes are written first and
   * the row after, so a row never points at nothing (bytes of a failed insert are removed).
   */
  async upload(user: AuthUser, programIdOrCode: string, stateCode: string, file: UploadedEvidenceFile | undefined): Promise<StoredFileResponse> {
    assertCanWriteState(user, stateCode, ['coordinator']);
    const upload = requireUpload(file);
    const { program, participation } = await this.participationsService.findParticipationOrFail(programIdOrCode, stateCode);
    if (participation.exitedOn !== null) {
      throw new ConflictException(`State ${stateCode} withdrew from the program on ${participation.exitedOn}; it can no longer upload evidence`);
    }
    return this.store(user, program.id, stateCode, upload);
  }

  /**
   * Stores a template of the program (the blank of an activity's format): a file of no state, which every
   * signed-in user may download and the program document names as a format's `templateFileId`. Coordinator only.
   */
  async uploadTemplate(user: AuthUser, programIdOrCode: string, file: UploadedEvidenceFile | undefined): Promise<StoredFileResponse> {
    assertCanWriteState(user, '', ['coordinator'], false);
    const upload = requireUpload(file);
    const program = await this.participationsService.findProgramOrFail(programIdOrCode);
    return this.store(user, program.id, null, upload);
  }

  /**
   * Stores a file for one state of a program, once the caller has decided that state may receive it (a
   * participation for evidence, a convocatoria entry for a manifiesto de interés); `stateCode` null stores a
   * program template (see `uploadTemplate`).
   */
  async store(user: AuthUser, programId: string, stateCode: string | null, file: UploadedEvidenceFile | undefined): Promise<StoredFileResponse> {
    const upload = requireUpload(file);
    const name = cleanFileName(upload.originalname);
    const content = await checkEvidenceContent(upload.buffer, name);
    if (!content.ok) throw new FieldValidationException([{ field: UPLOAD_FIELD, message: content.message }]);

    const storageKey = `${stateCode ?? `templates/${programId}`}/${randomUUID()}`;
    const sha256 = createHash('sha256').update(upload.buffer).digest('hex');
    await this.storage.put(storageKey, upload.buffer);
    try {
      return await this.dataSource.transaction(async (tx) => {
        const stored = await this.files.forTx(tx).insert({
          programId,
          stateCode,
          name,
          contentType: content.contentType,
          size: upload.buffer.length,
          sha256,
          storageKey,
          uploadedById: user.id,
        });
        await this.audit.forTx(tx).record({
          actor: user,
          action: stateCode === null ? 'template.upload' : 'file.upload',
          entityType: 'stored_file',
          entityId: stored.id,
          programId,
          stateCode,
          after: toStoredFileResponse(stored),
        });
        return toStoredFileResponse(stored);
      });
    } catch (e) {
      await this.storage.remove(storageKey).catch(() => undefined);
      throw e;
    }
  }

  /**
   * A stored file with its bytes, for whoever may read its state; a program template (no state) for every
   * signed-in user. A state officer asking for a file of another state, or for an id that does not exist, gets
   * the same 403, so existence is not revealed.
   */
  async open(user: AuthUser, fileId: string): Promise<{ file: StoredFile; stream: Readable }> {
    const file = await this.files.findById(fileId);
    if (!(file && file.stateCode === null)) assertCanReadState(user, file?.stateCode ?? '');
    if (!file) throw new NotFoundException(`File ${fileId} not found`);
    return { file, stream: await this.storage.open(file.storageKey) };
  }
}

function requireUpload(file: UploadedEvidenceFile | undefined): UploadedEvidenceFile {
  if (!file) throw new FieldValidationException([{ field: UPLOAD_FIELD, message: `file is required (multipart field "${UPLOAD_FIELD}")` }]);
  return file;
}
