import { Injectable } from '@nestjs/common';
import { BaseRepository } from '../../../database/src/base.repository.js';
import { preparedQuery } from '../../../database/src/prepared-query.js';
import { User } from './user.entity.js';

@Injectable()
export class UsersRepository extends BaseRepository {
  /** By primary key; the auth guard calls it on every request, hence one prepared statement and no query builder. */
  async findById(id: string): Promise<User | null> {
    const [row] = await preparedQuery<User>(
      this.em,
      `SELECT id, email, password_hash AS "passwordHash", name, role, state_code AS "stateCode", active,
              created_at AS "createdAt", updated_at AS "updatedAt"
         FROM app_user WHERE id = $1`,
      [id],
    );
    return row ? Object.assign(new User(), row) : null;
  }

  findByEmail(email: string): Promise<User | null> {
    return this.em.findOneBy(User, { email: email.trim().toLowerCase() });
  }

  findAll(): Promise<User[]> {
    return this.em.find(User, { order: { email: 'ASC' } });
  }

  /** Active users of the roles that receive email (everyone but admins), by email. */
  findActiveRecipients(): Promise<User[]> {
    return this.em.find(User, { where: [{ active: true, role: 'coordinator' }, { active: true, role: 'reviewer' }, { active: true, role: 'state_officer' }], order: { email: 'ASC' } });
  }

  countAll(): Promise<number> {
    return this.em.count(User);
  }

  insert(user: Omit<User, 'id' | 'createdAt' | 'updatedAt' | 'state'>): Promise<User> {
    return this.em.save(User, this.em.create(User, user));
  }

  save(user: User): Promise<User> {
    return this.em.save(User, user);
  }
}
