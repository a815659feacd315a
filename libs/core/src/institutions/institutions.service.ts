import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { assertCanReadState, assertCanWriteState } from '../../../platform/src/auth/access.js';
import type { AuthUser } from '../../../platform/src/auth/roles.js';
import { Clock } from '../../../platform/src/clock/clock.js';
import { FieldValidationException, type FieldError } from '../../../platform/src/http/field-errors.js';
import { AuditRepository } from '../audit/audit.repository.js';
import { ParticipationsRepository } from '../plans/participations.repository.js';
import { ParticipationsService } from '../plans/participations.service.js';
import type { CreateInstitutionDto } from './dto/create-institution.dto.js';
import { toInstitutionResponse, type InstitutionResponse } from './dto/institution.response.js';
import type { UpdateInstitutionDto } from './dto/update-institution.dto.js';
import { institutionNameKey, tidyInstitutionName } from './institution-name.js';
import { InstitutionsRepository } from './institutions.repository.js';
import { lockOpenParticipation } from '../plans/open-participation.js';
import { institutionAuditView } from './institution-audit.js';

@Injectable()
export class InstitutionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly participationsService: ParticipationsService,
    private readonly participations: ParticipationsRepository,
    private readonly institutions: InstitutionsRepository,
    private readonly audit: AuditRepository,
  ) {}

  async list(user: AuthUser, programIdOrCode: string, stateCode: string): Promise<InstitutionResponse[]> {
    assertCanReadState(user, stateCode);
    const { participation } = await this.participationsService.findParticipationOrFail(programIdOrCode, stateCode);
    return (await this.institutions.findByParticipation(participation.id)).map(toInstitutionResponse);
  }

  /** Registers an implementing institution; it joins today (program time zone) unless a date is given. */
  async register(user: AuthUser, programIdOrCode: string, stateCode: string, dto: CreateInstitutionDto): Promise<InstitutionResponse> {
    assertCanWriteState(user, stateCode, ['coordinator']);
    const program = await this.participationsService.findProgramOrFail(programIdOrCode);
    return this.dataSource.transaction(async (tx) => {
      const participation = await lockOpenParticipation(this.participations, tx, program, stateCode);
      const joinedOn = dto.joinedOn ?? this.clock.today(program.timeZone);
      if (joinedOn < participation.joinedOn) {
        const message = `joinedOn (${joinedOn}) must not be before the state joined the program (${participation.joinedOn})`;
        throw new FieldValidationException([{ field: 'joinedOn', message }]);
      }
      const institutions = this.institutions.forTx(tx);
      const name = tidyInstitutionName(dto.name);
      const nameKey = institutionNameKey(name);
      await assertNameFree(institutions, participation.id, nameKey, null);
      const institution = await institutions.insert({
        participationId: participation.id,
        name,
        nameKey,
        acronym: tidyAcronym(dto.acronym),
        orderOfGovernment: dto.order,
        joinedOn,
        exitedOn: null,
      });
      await this.audit.forTx(tx).record({ actor: user, action: 'institution.create', entityType: 'institution', entityId: institution.id, programId: program.id, stateCode, after: institutionAuditView(institution) });
      return toInstitutionResponse(institution);
    });
  }

  /** Corrections (name, acronym) and exit (`exitedOn`; null undoes it). Institutions are never deleted. */
  async update(user: AuthUser, programIdOrCode: string, stateCode: string, institutionId: string, dto: UpdateInstitutionDto): Promise<InstitutionResponse> {
    assertCanWriteState(user, stateCode, ['coordinator']);
    if (dto.name === undefined && dto.acronym === undefined && dto.exitedOn === undefined) {
      throw new FieldValidationException([{ field: 'body', message: 'send at least one of name, acronym, exitedOn' }]);
    }
    const program = await this.participationsService.findProgramOrFail(programIdOrCode);
    return this.dataSource.transaction(async (tx) => {
      const participation = await lockOpenParticipation(this.participations, tx, program, stateCode);
      const institutions = this.institutions.forTx(tx);
      const institution = await institutions.findInParticipation(participation.id, institutionId);
      if (!institution) throw new NotFoundException(`Institution ${institutionId} is not registered in state ${stateCode}`);
      const before = institutionAuditView(institution);
      const errors: FieldError[] = [];
      const name = dto.name === undefined ? institution.name : tidyInstitutionName(dto.name);
      const exitedOn = dto.exitedOn === undefined ? institution.exitedOn : dto.exitedOn;
      if (exitedOn !== null && exitedOn < institution.joinedOn) {
        errors.push({ field: 'exitedOn', message: `exitedOn (${exitedOn}) must not be before the institution joined (${institution.joinedOn})` });
      }
      if (errors.length) throw new FieldValidationException(errors);
      Object.assign(institution, { name, nameKey: institutionNameKey(name), acronym: dto.acronym === undefined ? institution.acronym : tidyAcronym(dto.acronym), exitedOn });
      const after = institutionAuditView(institution);
      if (JSON.stringify(before) === JSON.stringify(after)) {
        throw new FieldValidationException([{ field: 'body', message: 'nothing changes: the institution already has these values' }]);
      }
      await assertNameFree(institutions, participation.id, institution.nameKey, institution.id);
      const saved = await institutions.save(institution);
      await this.audit.forTx(tx).record({
        actor: user,
        action: 'institution.update',
        entityType: 'institution',
        entityId: institution.id,
        programId: program.id,
        stateCode,
        before,
        after,
        justification: dto.justification?.trim() ?? null,
      });
      return toInstitutionResponse(saved);
    });
  }

}

async function assertNameFree(institutions: InstitutionsRepository, participationId: string, nameKey: string, exceptId: string | null): Promise<void> {
  const existing = await institutions.findByNameKey(participationId, nameKey);
  if (existing && existing.id !== exceptId) {
    const message = `an institution with this name is already registered in this state: "${existing.name}"`;
    throw new ConflictException({ statusCode: 409, message, errors: [{ field: 'name', message }] });
  }
}

function tidyAcronym(acronym: string | null | undefined): string | null {
  const t = acronym?.trim();
  return t ? t : null;
}
