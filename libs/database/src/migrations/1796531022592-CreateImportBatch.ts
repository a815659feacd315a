import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateImportBatch1796531022592 implements MigrationInterface {
  name = 'CreateImportBatch1796531022592';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "import_batch" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "participation_id" uuid NOT NULL, "kind" character varying(20) NOT NULL, "file_hash" character(64) NOT NULL, "file_name" character varying(255) NOT NULL, "row_count" integer NOT NULL, "created" integer NOT NULL, "updated" integer NOT NULL, "unchanged" integer NOT NULL, "actor_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "import_batch_participation_id_kind_file_hash_key" UNIQUE ("participation_id", "kind", "file_hash"), CONSTRAINT "import_batch_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(`ALTER TABLE "import_batch" ADD CONSTRAINT "import_batch_participation_id_fkey" FOREIGN KEY ("participation_id") REFERENCES "participation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "import_batch" ADD CONSTRAINT "import_batch_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "app_user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "import_batch" DROP CONSTRAINT "import_batch_actor_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "import_batch" DROP CONSTRAINT "import_batch_participation_id_fkey"`);
    await queryRunner.query(`DROP TABLE "import_batch"`);
  }
}
