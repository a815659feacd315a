import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ActivityFormats1796594728942 implements MigrationInterface {
  name = 'ActivityFormats1796594728942';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "activity_format" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "activity_id" uuid NOT NULL, "code" character varying(40) NOT NULL, "name" character varying(300) NOT NULL, "description" text, "template_file_id" uuid, "position" integer NOT NULL, CONSTRAINT "activity_format_activity_id_code_key" UNIQUE ("activity_id", "code"), CONSTRAINT "activity_format_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "activity_format_template_file_id_idx" ON "activity_format"  ("template_file_id") `);
    await queryRunner.query(`ALTER TABLE "evidence" ADD "format_code" character varying(40)`);
    await queryRunner.query(`ALTER TABLE "stored_file" DROP CONSTRAINT "stored_file_state_code_fkey"`);
    await queryRunner.query(`DROP INDEX "public"."stored_file_program_id_state_code_idx"`);
    await queryRunner.query(`ALTER TABLE "stored_file" ALTER COLUMN "state_code" DROP NOT NULL`);
    await queryRunner.query(`CREATE INDEX "stored_file_program_id_state_code_idx" ON "stored_file"  ("program_id", "state_code") `);
    await queryRunner.query(`ALTER TABLE "evidence" ADD CONSTRAINT "evidence_format_code_check" CHECK (kind = 'document' OR format_code IS NULL)`);
    await queryRunner.query(`ALTER TABLE "stored_file" ADD CONSTRAINT "stored_file_state_code_fkey" FOREIGN KEY ("state_code") REFERENCES "state"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "activity_format" ADD CONSTRAINT "activity_format_activity_id_fkey" FOREIGN KEY ("activity_id") REFERENCES "activity"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "activity_format" ADD CONSTRAINT "activity_format_template_file_id_fkey" FOREIGN KEY ("template_file_id") REFERENCES "stored_file"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "activity_format" DROP CONSTRAINT "activity_format_template_file_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "activity_format" DROP CONSTRAINT "activity_format_activity_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "stored_file" DROP CONSTRAINT "stored_file_state_code_fkey"`);
    await queryRunner.query(`ALTER TABLE "evidence" DROP CONSTRAINT "evidence_format_code_check"`);
    await queryRunner.query(`DROP INDEX "public"."stored_file_program_id_state_code_idx"`);
    await queryRunner.query(`ALTER TABLE "stored_file" ALTER COLUMN "state_code" SET NOT NULL`);
    await queryRunner.query(`CREATE INDEX "stored_file_program_id_state_code_idx" ON "stored_file" USING btree ("program_id", "state_code") `);
    await queryRunner.query(`ALTER TABLE "stored_file" ADD CONSTRAINT "stored_file_state_code_fkey" FOREIGN KEY ("state_code") REFERENCES "state"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "evidence" DROP COLUMN "format_code"`);
    await queryRunner.query(`DROP INDEX "public"."activity_format_template_file_id_idx"`);
    await queryRunner.query(`DROP TABLE "activity_format"`);
  }
}
