import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { assertCanWriteState } from '../../../platform/src/auth/access.js';
import type { AuthUser } from '../../../platform/src/auth/roles.js';
import { Clock } from '../../../platform/src/clock/clock.js';
import { AuditRepository } from '../audit/audit.repository.js';
import type { ImportResultResponse } from '../imports/dto/import-result.response.js';
import { ImportBatchesRepository } from '../imports/import-batches.repository.js';
import { alreadyImported, importRefused, readUpload, type ImportUpload } from '../imports/import-upload.js';
import type { TabularFile } from '../imports/tabular-file.js';
import type { Participation } from '../plans/participation.entity.js';
import { ParticipationsRepository } from '../plans/participations.repository.js';
import { ParticipationsService } from '../plans/participations.service.js';
import type { Program } from '../programs/program.entity.js';
import { planInstitutionImport, type InstitutionImportPlan, type PlannedInstitution } from './institution-import-plan.js';
import { institutionAuditView } from './institution-audit.js';
import { institutionNameKey } from './institution-name.js';
import type { Institution } from './institution.entity.js';
import { InstitutionsRepository } from './institutions.repository.js';
import { lockOpenParticipation } from '../plans/open-participation.js';

/**
 * Institutions from a CSV or XLSX (the export's columns): a dry run says what each row would do and every
 * error, writing nothing; a confirmed import applies the same plan in one transaction, audited row by row, and
 * is done once per file (by its SHA-256).
 */
@Injectable()
export class InstitutionsImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly participationsService: ParticipationsService,
    private readonly participations: ParticipationsRepository,
    private readonly institutions: InstitutionsRepository,
    private readonly batches: ImportBatchesRepository,
    private readonly audit: AuditRepository,
  ) {}

  async import(user: AuthUser, programIdOrCode: string, stateCode: string, upload: ImportUpload | undefined, dryRun: boolean): Promise<ImportResultResponse> {
    assertCanWriteState(user, stateCode, ['coordinator']);
    const { file, fileHash, fileName, base } = await readUpload('institutions', upload, dryRun);

    if (dryRun) {
      const { program, participation } = await this.participationsService.findParticipationOrFail(programIdOrCode, stateCode);
      const plan = await this.plan(this.institutions, participation, program, file);
      const previous = await this.batches.findByHash(participation.id, 'institutions', fileHash);
      return { ...base, ...summary(plan), alreadyImported: previous !== null, importedAt: previous?.createdAt.toISOString() ?? null };
    }

    const program = await this.participationsService.findProgramOrFail(programIdOrCode);
    return this.dataSource.transaction(async (tx) => {
      const participation = await lockOpenParticipation(this.participations, tx, program, stateCode);
      const batches = this.batches.forTx(tx);
      await batches.lockFile(participation.id, 'institutions', fileHash);
      const previous = await batches.findByHash(participation.id, 'institutions', fileHash);
      if (previous) return { ...base, ...alreadyImported(previous) };
      const institutions = this.institutions.forTx(tx);
      const plan = await this.plan(institutions, participation, program, file);
      if (plan.errors.length) throw importRefused(plan.errors);
      const existing = new Map((await institutions.findByParticipation(participation.id)).map((i) => [i.id, i]));
      for (const row of plan.rows) await this.apply(tx, user, program, stateCode, participation, existing, row, fileName);
      const s = summary(plan);
      const batch = await batches.insert({ participationId: participation.id, kind: 'institutions', fileHash, fileName, rowCount: file.rows.length, created: s.created, updated: s.updated, unchanged: s.unchanged, actorId: user.id });
      await this.audit.forTx(tx).record({ actor: user, action: 'institutions.import', entityType: 'import_batch', entityId: batch.id, programId: program.id, stateCode, after: { fileName: batch.fileName, fileHash, created: s.created, updated: s.updated, unchanged: s.unchanged } });
      return { ...base, ...s, alreadyImported: false, importedAt: batch.createdAt.toISOString() };
    });
  }

  private async plan(institutions: InstitutionsRepository, participation: Participation, program: Program, file: TabularFile): Promise<InstitutionImportPlan> {
    const existing = await institutions.findByParticipation(participation.id);
    return planInstitutionImport(file, existing, { today: this.clock.today(program.timeZone), stateJoinedOn: participation.joinedOn });
  }

  private async apply(tx: EntityManager, user: AuthUser, program: Program, stateCode: string, participation: Participation, existing: Map<string, Institution>, row: PlannedInstitution, fileName: string): Promise<void> {
    const institutions = this.institutions.forTx(tx);
    const audit = this.audit.forTx(tx);
    if (row.action === 'create') {
      const created = await institutions.insert({ participationId: participation.id, name: row.name, nameKey: institutionNameKey(row.name), acronym: row.acronym, orderOfGovernment: row.order, joinedOn: row.joinedOn, exitedOn: row.exitedOn });
      await audit.record({ actor: user, action: 'institution.create', entityType: 'institution', entityId: created.id, programId: program.id, stateCode, after: institutionAuditView(created), justification: `import: ${fileName}` });
    } else if (row.action === 'update') {
      const institution = existing.get(row.institutionId!)!;
      const before = institutionAuditView(institution);
      Object.assign(institution, { name: row.name, nameKey: institutionNameKey(row.name), acronym: row.acronym, exitedOn: row.exitedOn });
      await institutions.save(institution);
      await audit.record({ actor: user, action: 'institution.update', entityType: 'institution', entityId: institution.id, programId: program.id, stateCode, before, after: institutionAuditView(institution), justification: `import: ${fileName}` });
    }
  }

}

function summary(plan: InstitutionImportPlan) {
  const count = (a: string) => plan.rows.filter((r) => r.action === a).length;
  return {
    created: count('create'),
    updated: count('update'),
    unchanged: count('unchanged'),
    errors: plan.errors,
    rows: plan.rows.map((r) => ({ line: r.line, action: r.action, recordId: r.institutionId, label: r.name, changes: [...r.changes] })),
  };
}
