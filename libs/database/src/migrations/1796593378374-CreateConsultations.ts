import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateConsultations1796593378374 implements MigrationInterface {
  name = 'CreateConsultations1796593378374';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "program_version" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "program_id" uuid NOT NULL, "label" character varying(200) NOT NULL, "issued_on" date NOT NULL, "note" text, "document" jsonb NOT NULL, "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "program_version_program_id_label_key" UNIQUE ("program_id", "label"), CONSTRAINT "program_version_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "program_version_program_id_issued_on_idx" ON "program_version"  ("program_id", "issued_on") `);
    await queryRunner.query(`CREATE TABLE "consultation_round" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "program_version_id" uuid NOT NULL, "title" character varying(200) NOT NULL, "opens_on" date, "closes_on" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "consultation_round_dates_check" CHECK (closes_on IS NULL OR opens_on IS NULL OR closes_on >= opens_on), CONSTRAINT "consultation_round_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "consultation_round_program_version_id_idx" ON "consultation_round"  ("program_version_id") `);
    await queryRunner.query(`CREATE TABLE "consultation_comment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "round_id" uuid NOT NULL, "origin_body" character varying(300) NOT NULL, "type" character varying(10) NOT NULL, "text" text NOT NULL, "activity_code" character varying(20), "attended" boolean NOT NULL, "response" text, "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "consultation_comment_response_check" CHECK (attended OR response IS NOT NULL), CONSTRAINT "consultation_comment_type_check" CHECK (type IN ('form', 'substance')), CONSTRAINT "consultation_comment_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "consultation_comment_round_id_idx" ON "consultation_comment"  ("round_id") `);
    await queryRunner.query(`ALTER TABLE "program_version" ADD CONSTRAINT "program_version_program_id_fkey" FOREIGN KEY ("program_id") REFERENCES "program"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "program_version" ADD CONSTRAINT "program_version_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "consultation_round" ADD CONSTRAINT "consultation_round_program_version_id_fkey" FOREIGN KEY ("program_version_id") REFERENCES "program_version"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "consultation_comment" ADD CONSTRAINT "consultation_comment_round_id_fkey" FOREIGN KEY ("round_id") REFERENCES "consultation_round"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "consultation_comment" ADD CONSTRAINT "consultation_comment_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "consultation_comment" DROP CONSTRAINT "consultation_comment_created_by_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "consultation_comment" DROP CONSTRAINT "consultation_comment_round_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "consultation_round" DROP CONSTRAINT "consultation_round_program_version_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "program_version" DROP CONSTRAINT "program_version_created_by_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "program_version" DROP CONSTRAINT "program_version_program_id_fkey"`);
    await queryRunner.query(`DROP INDEX "public"."consultation_comment_round_id_idx"`);
    await queryRunner.query(`DROP TABLE "consultation_comment"`);
    await queryRunner.query(`DROP INDEX "public"."consultation_round_program_version_id_idx"`);
    await queryRunner.query(`DROP TABLE "consultation_round"`);
    await queryRunner.query(`DROP INDEX "public"."program_version_program_id_issued_on_idx"`);
    await queryRunner.query(`DROP TABLE "program_version"`);
  }
}
