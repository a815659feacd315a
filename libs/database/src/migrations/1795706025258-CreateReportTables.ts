import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateReportTables1795706025258 implements MigrationInterface {
  name = 'CreateReportTables1795706025258';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "stored_file" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "program_id" uuid NOT NULL, "state_code" character(2) NOT NULL, "name" character varying(255) NOT NULL, "content_type" character varying(120) NOT NULL, "size" integer NOT NULL, "sha256" character(64) NOT NULL, "storage_key" character varying(200) NOT NULL, "uploaded_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "stored_file_storage_key_key" UNIQUE ("storage_key"), CONSTRAINT "stored_file_size_check" CHECK (size >= 0), CONSTRAINT "stored_file_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "stored_file_program_id_state_code_idx" ON "stored_file"  ("program_id", "state_code") `);
    await queryRunner.query(`CREATE TABLE "report" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "seq" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "plan_item_id" uuid NOT NULL, "institution_id" uuid, "status" character varying(12) NOT NULL, "percent" numeric(5,2) NOT NULL, "reported_on" date NOT NULL, "narrative" text, "metrics" jsonb NOT NULL DEFAULT '{}', "author_id" uuid NOT NULL, "idempotency_key" character varying(100), "review_state" character varying(10) NOT NULL DEFAULT 'submitted', "review_reason" text, "reviewed_by_id" uuid, "reviewed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "report_author_id_idempotency_key_key" UNIQUE ("author_id", "idempotency_key"), CONSTRAINT "report_seq_key" UNIQUE ("seq"), CONSTRAINT "report_reviewed_check" CHECK ((review_state = 'submitted') = (reviewed_at IS NULL) AND (reviewed_at IS NULL) = (reviewed_by_id IS NULL)), CONSTRAINT "report_review_reason_check" CHECK ((review_state = 'returned') = (review_reason IS NOT NULL)), CONSTRAINT "report_review_state_check" CHECK (review_state IN ('submitted', 'accepted', 'returned')), CONSTRAINT "report_status_percent_check" CHECK ((status <> 'completed' OR percent = 100) AND (status <> 'not_started' OR percent = 0)), CONSTRAINT "report_percent_check" CHECK (percent >= 0 AND percent <= 100), CONSTRAINT "report_status_check" CHECK (status IN ('not_started', 'in_progress', 'completed', 'blocked')), CONSTRAINT "report_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "report_review_state_seq_idx" ON "report"  ("review_state", "seq") `);
    await queryRunner.query(`CREATE INDEX "report_institution_id_idx" ON "report"  ("institution_id") `);
    await queryRunner.query(`CREATE INDEX "report_plan_item_id_institution_id_reported_on_idx" ON "report"  ("plan_item_id", "institution_id", "reported_on") `);
    await queryRunner.query(`CREATE TABLE "evidence" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "report_id" uuid NOT NULL, "position" integer NOT NULL, "kind" character varying(10) NOT NULL, "title" character varying(300) NOT NULL, "url" character varying(2000), "file_id" uuid, "high_value" boolean NOT NULL DEFAULT false, "format" character varying(60), "licence" character varying(120), CONSTRAINT "evidence_report_id_position_key" UNIQUE ("report_id", "position"), CONSTRAINT "evidence_high_value_check" CHECK (kind = 'dataset' OR NOT high_value), CONSTRAINT "evidence_target_check" CHECK ((kind = 'document' AND file_id IS NOT NULL AND url IS NULL) OR (kind <> 'document' AND url IS NOT NULL AND file_id IS NULL)), CONSTRAINT "evidence_kind_check" CHECK (kind IN ('document', 'url', 'dataset')), CONSTRAINT "evidence_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "evidence_file_id_idx" ON "evidence"  ("file_id") `);
    await queryRunner.query(`ALTER TABLE "stored_file" ADD CONSTRAINT "stored_file_program_id_fkey" FOREIGN KEY ("program_id") REFERENCES "program"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "stored_file" ADD CONSTRAINT "stored_file_state_code_fkey" FOREIGN KEY ("state_code") REFERENCES "state"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "stored_file" ADD CONSTRAINT "stored_file_uploaded_by_id_fkey" FOREIGN KEY ("uploaded_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "report" ADD CONSTRAINT "report_plan_item_id_fkey" FOREIGN KEY ("plan_item_id") REFERENCES "plan_item"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "report" ADD CONSTRAINT "report_institution_id_fkey" FOREIGN KEY ("institution_id") REFERENCES "institution"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "report" ADD CONSTRAINT "report_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "report" ADD CONSTRAINT "report_reviewed_by_id_fkey" FOREIGN KEY ("reviewed_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "evidence" ADD CONSTRAINT "evidence_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "report"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "evidence" ADD CONSTRAINT "evidence_file_id_fkey" FOREIGN KEY ("file_id") REFERENCES "stored_file"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "evidence" DROP CONSTRAINT "evidence_file_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "evidence" DROP CONSTRAINT "evidence_report_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "report" DROP CONSTRAINT "report_reviewed_by_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "report" DROP CONSTRAINT "report_author_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "report" DROP CONSTRAINT "report_institution_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "report" DROP CONSTRAINT "report_plan_item_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "stored_file" DROP CONSTRAINT "stored_file_uploaded_by_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "stored_file" DROP CONSTRAINT "stored_file_state_code_fkey"`);
    await queryRunner.query(`ALTER TABLE "stored_file" DROP CONSTRAINT "stored_file_program_id_fkey"`);
    await queryRunner.query(`DROP INDEX "public"."evidence_file_id_idx"`);
    await queryRunner.query(`DROP TABLE "evidence"`);
    await queryRunner.query(`DROP INDEX "public"."report_plan_item_id_institution_id_reported_on_idx"`);
    await queryRunner.query(`DROP INDEX "public"."report_institution_id_idx"`);
    await queryRunner.query(`DROP INDEX "public"."report_review_state_seq_idx"`);
    await queryRunner.query(`DROP TABLE "report"`);
    await queryRunner.query(`DROP INDEX "public"."stored_file_program_id_state_code_idx"`);
    await queryRunner.query(`DROP TABLE "stored_file"`);
  }
}
