import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateReportingRoundTables1795706282204 implements MigrationInterface {
  name = 'CreateReportingRoundTables1795706282204';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "reporting_round" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "program_id" uuid NOT NULL, "code" character varying(40) NOT NULL, "name" character varying(200), "period_start" date NOT NULL, "period_end" date NOT NULL, "due_on" date NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "reporting_round_program_id_code_key" UNIQUE ("program_id", "code"), CONSTRAINT "reporting_round_due_check" CHECK (due_on >= period_end), CONSTRAINT "reporting_round_period_check" CHECK (period_end >= period_start), CONSTRAINT "reporting_round_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "reporting_round_submission" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "round_id" uuid NOT NULL, "state_code" character(2) NOT NULL, "summary" text NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "submitted_on" date NOT NULL, "author_id" uuid NOT NULL, CONSTRAINT "reporting_round_submission_round_id_state_code_key" UNIQUE ("round_id", "state_code"), CONSTRAINT "reporting_round_submission_summary_check" CHECK (char_length(summary) BETWEEN 1 AND 2000), CONSTRAINT "reporting_round_submission_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "reporting_round_submission_state_code_idx" ON "reporting_round_submission"  ("state_code") `);
    await queryRunner.query(`ALTER TABLE "reporting_round" ADD CONSTRAINT "reporting_round_program_id_fkey" FOREIGN KEY ("program_id") REFERENCES "program"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "reporting_round_submission" ADD CONSTRAINT "reporting_round_submission_round_id_fkey" FOREIGN KEY ("round_id") REFERENCES "reporting_round"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "reporting_round_submission" ADD CONSTRAINT "reporting_round_submission_state_code_fkey" FOREIGN KEY ("state_code") REFERENCES "state"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "reporting_round_submission" ADD CONSTRAINT "reporting_round_submission_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "reporting_round_submission" DROP CONSTRAINT "reporting_round_submission_author_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "reporting_round_submission" DROP CONSTRAINT "reporting_round_submission_state_code_fkey"`);
    await queryRunner.query(`ALTER TABLE "reporting_round_submission" DROP CONSTRAINT "reporting_round_submission_round_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "reporting_round" DROP CONSTRAINT "reporting_round_program_id_fkey"`);
    await queryRunner.query(`DROP INDEX "public"."reporting_round_submission_state_code_idx"`);
    await queryRunner.query(`DROP TABLE "reporting_round_submission"`);
    await queryRunner.query(`DROP TABLE "reporting_round"`);
  }
}
