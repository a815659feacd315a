import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateReplanRequest1796591930275 implements MigrationInterface {
  name = 'CreateReplanRequest1796591930275';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "replan_request" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "plan_item_id" uuid NOT NULL, "requested_start" date, "requested_due" date NOT NULL, "requested_included" boolean, "previous_start" date NOT NULL, "previous_due" date NOT NULL, "justification" text NOT NULL, "requested_by" uuid NOT NULL, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "status" character varying(10) NOT NULL DEFAULT 'pending', "decided_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "decision_reason" text, CONSTRAINT "replan_request_dates_check" CHECK (requested_start IS NULL OR requested_due >= requested_start), CONSTRAINT "replan_request_reason_check" CHECK (status <> 'rejected' OR decision_reason IS NOT NULL), CONSTRAINT "replan_request_decision_check" CHECK ((status = 'pending') = (decided_by IS NULL AND decided_at IS NULL)), CONSTRAINT "replan_request_status_check" CHECK (status IN ('pending', 'approved', 'rejected')), CONSTRAINT "replan_request_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "replan_request_plan_item_id_requested_at_idx" ON "replan_request"  ("plan_item_id", "requested_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "replan_request_plan_item_id_pending_key" ON "replan_request"  ("plan_item_id") WHERE status = 'pending'`);
    await queryRunner.query(`ALTER TABLE "replan_request" ADD CONSTRAINT "replan_request_plan_item_id_fkey" FOREIGN KEY ("plan_item_id") REFERENCES "plan_item"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "replan_request" ADD CONSTRAINT "replan_request_requested_by_fkey" FOREIGN KEY ("requested_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "replan_request" ADD CONSTRAINT "replan_request_decided_by_fkey" FOREIGN KEY ("decided_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "replan_request" DROP CONSTRAINT "replan_request_decided_by_fkey"`);
    await queryRunner.query(`ALTER TABLE "replan_request" DROP CONSTRAINT "replan_request_requested_by_fkey"`);
    await queryRunner.query(`ALTER TABLE "replan_request" DROP CONSTRAINT "replan_request_plan_item_id_fkey"`);
    await queryRunner.query(`DROP INDEX "public"."replan_request_plan_item_id_pending_key"`);
    await queryRunner.query(`DROP INDEX "public"."replan_request_plan_item_id_requested_at_idx"`);
    await queryRunner.query(`DROP TABLE "replan_request"`);
  }
}
