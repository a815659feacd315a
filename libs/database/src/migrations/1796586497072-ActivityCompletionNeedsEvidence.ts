import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ActivityCompletionNeedsEvidence1796586497072 implements MigrationInterface {
  name = 'ActivityCompletionNeedsEvidence1796586497072';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "activity" ADD "completion_needs_evidence" boolean NOT NULL DEFAULT true`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "activity" DROP COLUMN "completion_needs_evidence"`);
  }
}
