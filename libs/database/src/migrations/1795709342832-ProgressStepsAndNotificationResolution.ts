import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ProgressStepsAndNotificationResolution1795709342832 implements MigrationInterface {
  name = 'ProgressStepsAndNotificationResolution1795709342832';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "unit_progress_step" ("plan_item_id" uuid NOT NULL, "institution_key" uuid NOT NULL, "valid_from" date NOT NULL, "valid_to" date NOT NULL, "current_report_id" uuid NOT NULL, "current_status" character varying(12) NOT NULL, "current_percent" numeric(5,2) NOT NULL, "current_reported_on" date NOT NULL, "current_review_state" character varying(10) NOT NULL, "validated_report_id" uuid, "validated_status" character varying(12), "validated_percent" numeric(5,2), "validated_reported_on" date, "completed_on" date, CONSTRAINT "unit_progress_step_pkey" PRIMARY KEY ("plan_item_id", "institution_key", "valid_from"))`);
    await queryRunner.query(`CREATE INDEX "unit_progress_step_valid_to_valid_from_idx" ON "unit_progress_step"  ("valid_to", "valid_from") `);
    await queryRunner.query(`ALTER TABLE "notification" ADD "resolved_on" date`);
    await queryRunner.query(`ALTER TABLE "notification" ADD "resolution" character varying(12)`);
    await queryRunner.query(`ALTER TABLE "notification" ADD CONSTRAINT "notification_resolution_check" CHECK ((resolved_on IS NULL) = (resolution IS NULL) AND resolution IN ('completed', 'excluded', 'rescheduled'))`);
    await queryRunner.query(`ALTER TABLE "unit_progress_step" ADD CONSTRAINT "unit_progress_step_plan_item_id_fkey" FOREIGN KEY ("plan_item_id") REFERENCES "plan_item"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    // The steps of existing reports are built at start-up (ProgressMaintainer.onApplicationBootstrap: counting
    // reports but no steps → rebuild from history), with the same SQL that maintains them afterwards.
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "unit_progress_step" DROP CONSTRAINT "unit_progress_step_plan_item_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "notification" DROP CONSTRAINT "notification_resolution_check"`);
    await queryRunner.query(`ALTER TABLE "notification" DROP COLUMN "resolution"`);
    await queryRunner.query(`ALTER TABLE "notification" DROP COLUMN "resolved_on"`);
    await queryRunner.query(`DROP INDEX "public"."unit_progress_step_valid_to_valid_from_idx"`);
    await queryRunner.query(`DROP TABLE "unit_progress_step"`);
  }
}
