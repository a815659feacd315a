import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { AuthUser, Role } from '../../../platform/src/auth/roles.js';
import { User } from '../../../core/src/users/user.entity.js';
import { hashPassword } from '../../../core/src/users/password-hasher.js';

export const TEST_PASSWORD = 'test-password-123';
let cachedHash: Promise<string> | undefined;

/** Users with defaults; all share one password hash so creating many stays fast. */
export class UserFactory {
  constructor(private readonly dataSource: DataSource) {}

  async create(over: { role?: Role; stateCode?: string; email?: string; name?: string; active?: boolean } = {}): Promise<AuthUser> {
    cachedHash ??= hashPassword(TEST_PASSWORD);
    const role = over.role ?? 'coordinator';
    const stateCode = role === 'state_officer' ? (over.stateCode ?? '20') : null;
    const user = await this.dataSource.getRepository(User).save({
      email: (over.email ?? `${role}.${stateCode ?? 'x'}.${randomBytes(3).toString('hex')}@test.mx`).toLowerCase(),
      passwordHash: await cachedHash,
      name: over.name ?? `Test ${role}`,
      role,
      stateCode,
      active: over.active ?? true,
    });
    return { id: user.id, email: user.email, name: user.name, role: user.role, stateCode: user.stateCode };
  }
}
