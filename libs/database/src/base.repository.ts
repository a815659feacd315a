import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/**
 * SQL lives only in repositories. Each one runs on the app's EntityManager, or on a transaction's:
 * `dataSource.transaction(tx => repo.forTx(tx).doSomething())` is the one transaction idiom.
 */
@Injectable()
export abstract class BaseRepository {
  constructor(protected readonly em: EntityManager) {}

  forTx(tx: EntityManager): this {
    const Ctor = this.constructor as new (em: EntityManager) => this;
    return new Ctor(tx);
  }
}
