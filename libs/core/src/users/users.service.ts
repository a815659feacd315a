import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthUser, Role } from '../../../platform/src/auth/roles.js';
import { FieldValidationException } from '../../../platform/src/http/field-errors.js';
import { AuditRepository } from '../audit/audit.repository.js';
import { StatesRepository } from '../states/states.repository.js';
import type { CreateUserDto } from './dto/create-user.dto.js';
import type { UpdateUserDto } from './dto/update-user.dto.js';
import { toUserResponse, type UserResponse } from './dto/user.response.js';
import { hashPassword } from './password-hasher.js';
import { passwordProblems } from './password-policy.js';
import type { User } from './user.entity.js';
import { UsersRepository } from './users.repository.js';

@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly states: StatesRepository,
    private readonly audit: AuditRepository,
  ) {}

  async list(): Promise<UserResponse[]> {
    return (await this.users.findAll()).map(toUserResponse);
  }

  /** `actor` is null when the first admin is made from the command line. */
  async create(actor: AuthUser | null, dto: CreateUserDto): Promise<UserResponse> {
    await this.checkStateBinding(dto.role, dto.stateCode ?? null);
    const passwordHash = await hashPassword(dto.password);
    return this.dataSource.transaction(async (tx) => {
      const users = this.users.forTx(tx);
      if (await users.findByEmail(dto.email)) throw new ConflictException('A user with this email already exists');
      const user = await users.insert({
        email: dto.email.trim().toLowerCase(),
        passwordHash,
        name: dto.name.trim(),
        role: dto.role,
        stateCode: dto.role === 'state_officer' ? dto.stateCode! : null,
        active: true,
      });
      await this.audit.forTx(tx).record({ actor, action: 'user.create', entityType: 'user', entityId: user.id, stateCode: user.stateCode, after: auditView(user) });
      return toUserResponse(user);
    });
  }

  async update(actor: AuthUser, userId: string, dto: UpdateUserDto): Promise<UserResponse> {
    return this.dataSource.transaction(async (tx) => {
      const users = this.users.forTx(tx);
      const user = await users.findById(userId);
      if (!user) throw new NotFoundException('User not found');
      const before = auditView(user);
      const role = dto.role ?? user.role;
      const stateCode = role === 'state_officer' ? (dto.stateCode !== undefined ? dto.stateCode : user.stateCode) : null;
      await this.checkStateBinding(role, stateCode);
      if (actor.id === user.id && (role !== 'admin' || dto.active === false)) {
        throw new ConflictException('You cannot remove your own admin role or deactivate yourself');
      }
      // The body has no email: the policy's email rule is checked against the account's.
      const passwordErrors = dto.password ? passwordProblems(dto.password, user.email) : [];
      if (passwordErrors.length) throw new FieldValidationException(passwordErrors.map((message) => ({ field: 'password', message })));
      Object.assign(user, { role, stateCode, name: dto.name?.trim() ?? user.name, active: dto.active ?? user.active });
      if (dto.password) user.passwordHash = await hashPassword(dto.password);
      const saved = await users.save(user);
      await this.audit.forTx(tx).record({ actor, action: 'user.update', entityType: 'user', entityId: user.id, stateCode: saved.stateCode, before, after: { ...auditView(saved), passwordChanged: Boolean(dto.password) } });
      return toUserResponse(saved);
    });
  }

  private async checkStateBinding(role: Role, stateCode: string | null): Promise<void> {
    if (role === 'state_officer' && !stateCode) {
      throw new FieldValidationException([{ field: 'stateCode', message: 'stateCode is required for a state_officer' }]);
    }
    if (role !== 'state_officer' && stateCode) {
      throw new FieldValidationException([{ field: 'stateCode', message: 'only a state_officer is bound to a state' }]);
    }
    if (stateCode && !(await this.states.exists(stateCode))) {
      throw new FieldValidationException([{ field: 'stateCode', message: `unknown state code ${stateCode}` }]);
    }
  }
}

// Never put the password hash in an audit row.
function auditView(u: User) {
  return { email: u.email, name: u.name, role: u.role, stateCode: u.stateCode, active: u.active };
}
