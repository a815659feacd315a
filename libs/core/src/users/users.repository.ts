import { Injectable } from '@nestjs/common';
import { BaseRepository } from '../../../database/src/base.repository.js';
import { User } from './user.entity.js';

@Injectable()
export class UsersRepository extends BaseRepository {
  findById(id: string): Promise<User | null> {
    return this.em.findOneBy(User, { id });
  }

  findByEmail(email: string): Promise<User | null> {
    return this.em.findOneBy(User, { email: email.trim().toLowerCase() });
  }

  findAll(): Promise<User[]> {
    return this.em.find(User, { order: { email: 'ASC' } });
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
