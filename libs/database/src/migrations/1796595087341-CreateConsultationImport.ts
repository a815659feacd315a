import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateConsultationImport1796595087341 implements MigrationInterface {
  name = 'CreateConsultationImport1796595087341';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "consultation_import" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "round_id" uuid NOT NULL, "file_hash" character(64) NOT NULL, "file_name" character varying(255) NOT NULL, "row_count" integer NOT NULL, "created" integer NOT NULL, "unchanged" integer NOT NULL, "actor_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "consultation_import_round_id_file_hash_key" UNIQUE ("round_id", "file_hash"), CONSTRAINT "consultation_import_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(`ALTER TABLE "consultation_import" ADD CONSTRAINT "consultation_import_round_id_fkey" FOREIGN KEY ("round_id") REFERENCES "consultation_round"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "consultation_import" ADD CONSTRAINT "consultation_import_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "consultation_import" DROP CONSTRAINT "consultation_import_actor_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "consultation_import" DROP CONSTRAINT "consultation_import_round_id_fkey"`);
    await queryRunner.query(`DROP TABLE "consultation_import"`);
  }
}
