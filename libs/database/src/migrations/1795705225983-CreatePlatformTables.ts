import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreatePlatformTables1795705225983 implements MigrationInterface {
  name = 'CreatePlatformTables1795705225983';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "audit_event" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_id" uuid, "actor_email" character varying(254), "action" character varying(60) NOT NULL, "entity_type" character varying(40) NOT NULL, "entity_id" character varying(64) NOT NULL, "program_id" uuid, "state_code" character(2), "before" jsonb, "after" jsonb, "justification" text, "request_id" character varying(64), CONSTRAINT "audit_event_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "audit_event_state_code_occurred_at_idx" ON "audit_event"  ("state_code", "occurred_at") `);
    await queryRunner.query(`CREATE INDEX "audit_event_occurred_at_idx" ON "audit_event"  ("occurred_at") `);
    await queryRunner.query(`CREATE INDEX "audit_event_entity_type_entity_id_idx" ON "audit_event"  ("entity_type", "entity_id") `);
    await queryRunner.query(`CREATE TABLE "program" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(60) NOT NULL, "name" character varying(300) NOT NULL, "description" text, "approval_reference" character varying(300), "approved_on" date, "time_zone" character varying(64) NOT NULL DEFAULT 'America/Mexico_City', "threshold_at_risk" numeric(6,2) NOT NULL DEFAULT '-5', "threshold_off_track" numeric(6,2) NOT NULL DEFAULT '-15', "status" character varying(10) NOT NULL DEFAULT 'active', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "program_code_key" UNIQUE ("code"), CONSTRAINT "program_thresholds_check" CHECK (threshold_off_track <= threshold_at_risk), CONSTRAINT "program_status_check" CHECK (status IN ('draft', 'active', 'closed')), CONSTRAINT "program_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "state" ("code" character(2) NOT NULL, "name" character varying(120) NOT NULL, "short_name" character varying(120) NOT NULL, "abbreviation" character varying(20) NOT NULL, "iso_code" character varying(10) NOT NULL, CONSTRAINT "state_pkey" PRIMARY KEY ("code"))`);
    await queryRunner.query(`CREATE TABLE "participation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "program_id" uuid NOT NULL, "state_code" character(2) NOT NULL, "joined_on" date NOT NULL, "exited_on" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "participation_program_id_state_code_key" UNIQUE ("program_id", "state_code"), CONSTRAINT "participation_dates_check" CHECK (exited_on IS NULL OR exited_on >= joined_on), CONSTRAINT "participation_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "institution" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "participation_id" uuid NOT NULL, "name" character varying(300) NOT NULL, "name_key" character varying(300) NOT NULL, "acronym" character varying(40), "order_of_government" character varying(10) NOT NULL, "joined_on" date NOT NULL, "exited_on" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "institution_participation_id_name_key_key" UNIQUE ("participation_id", "name_key"), CONSTRAINT "institution_dates_check" CHECK (exited_on IS NULL OR exited_on >= joined_on), CONSTRAINT "institution_order_check" CHECK (order_of_government IN ('federal', 'state', 'municipal')), CONSTRAINT "institution_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "phase" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "program_id" uuid NOT NULL, "number" integer NOT NULL, "name" character varying(300) NOT NULL, "description" text, CONSTRAINT "phase_program_id_number_key" UNIQUE ("program_id", "number"), CONSTRAINT "phase_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "activity" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "program_id" uuid NOT NULL, "phase_id" uuid NOT NULL, "code" character varying(20) NOT NULL, "name" character varying(500) NOT NULL, "level" character varying(12) NOT NULL, "start_day" integer NOT NULL, "duration_days" integer NOT NULL, "weight" numeric(10,4) NOT NULL, "optional" boolean NOT NULL DEFAULT false, "evidence_kinds" text array NOT NULL DEFAULT '{}', "metrics" text array NOT NULL DEFAULT '{}', "position" integer NOT NULL, CONSTRAINT "activity_program_id_code_key" UNIQUE ("program_id", "code"), CONSTRAINT "activity_days_check" CHECK (start_day >= 0 AND duration_days >= 0), CONSTRAINT "activity_weight_check" CHECK (weight > 0), CONSTRAINT "activity_level_check" CHECK (level IN ('state', 'institution')), CONSTRAINT "activity_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "activity_phase_id_idx" ON "activity"  ("phase_id") `);
    await queryRunner.query(`CREATE TABLE "plan_item" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "participation_id" uuid NOT NULL, "activity_id" uuid NOT NULL, "included" boolean NOT NULL DEFAULT true, "planned_start" date NOT NULL, "planned_due" date NOT NULL, "original_start" date NOT NULL, "original_due" date NOT NULL, "version" integer NOT NULL DEFAULT '1', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "plan_item_participation_id_activity_id_key" UNIQUE ("participation_id", "activity_id"), CONSTRAINT "plan_item_dates_check" CHECK (planned_due >= planned_start), CONSTRAINT "plan_item_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "plan_item_activity_id_idx" ON "plan_item"  ("activity_id") `);
    await queryRunner.query(`CREATE TABLE "indicator" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "program_id" uuid NOT NULL, "code" character varying(40) NOT NULL, "name" character varying(300) NOT NULL, "definition" text, "unit" character varying(10) NOT NULL, "direction" character varying(4) NOT NULL DEFAULT 'up', "kind" character varying(60) NOT NULL, "params" jsonb NOT NULL DEFAULT '{}', "baseline_value" numeric(14,4), "baseline_date" date, "position" integer NOT NULL, CONSTRAINT "indicator_program_id_code_key" UNIQUE ("program_id", "code"), CONSTRAINT "indicator_direction_check" CHECK (direction IN ('up', 'down')), CONSTRAINT "indicator_unit_check" CHECK (unit IN ('count', 'percent')), CONSTRAINT "indicator_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "indicator_target" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "indicator_id" uuid NOT NULL, "state_code" character(2), "value" numeric(14,4) NOT NULL, "target_date" date, "position" integer NOT NULL, CONSTRAINT "indicator_target_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "indicator_target_indicator_id_idx" ON "indicator_target"  ("indicator_id") `);
    await queryRunner.query(`CREATE TABLE "state_authority" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "state_code" character(2) NOT NULL, "name" character varying(300) NOT NULL, "acronym" character varying(40), "valid_from" date NOT NULL, "valid_to" date, CONSTRAINT "state_authority_valid_range_check" CHECK (valid_to IS NULL OR valid_to >= valid_from), CONSTRAINT "state_authority_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "state_authority_state_code_valid_from_key" ON "state_authority"  ("state_code", "valid_from") `);
    await queryRunner.query(`CREATE TABLE "app_user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(254) NOT NULL, "password_hash" character varying(200) NOT NULL, "name" character varying(200) NOT NULL, "role" character varying(20) NOT NULL, "state_code" character(2), "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "app_user_email_key" UNIQUE ("email"), CONSTRAINT "app_user_state_scope_check" CHECK ((role = 'state_officer') = (state_code IS NOT NULL)), CONSTRAINT "app_user_role_check" CHECK (role IN ('admin', 'coordinator', 'state_officer', 'reviewer')), CONSTRAINT "app_user_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(`ALTER TABLE "participation" ADD CONSTRAINT "participation_program_id_fkey" FOREIGN KEY ("program_id") REFERENCES "program"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "participation" ADD CONSTRAINT "participation_state_code_fkey" FOREIGN KEY ("state_code") REFERENCES "state"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "institution" ADD CONSTRAINT "institution_participation_id_fkey" FOREIGN KEY ("participation_id") REFERENCES "participation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "phase" ADD CONSTRAINT "phase_program_id_fkey" FOREIGN KEY ("program_id") REFERENCES "program"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "activity" ADD CONSTRAINT "activity_program_id_fkey" FOREIGN KEY ("program_id") REFERENCES "program"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "activity" ADD CONSTRAINT "activity_phase_id_fkey" FOREIGN KEY ("phase_id") REFERENCES "phase"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "plan_item" ADD CONSTRAINT "plan_item_participation_id_fkey" FOREIGN KEY ("participation_id") REFERENCES "participation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "plan_item" ADD CONSTRAINT "plan_item_activity_id_fkey" FOREIGN KEY ("activity_id") REFERENCES "activity"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "indicator" ADD CONSTRAINT "indicator_program_id_fkey" FOREIGN KEY ("program_id") REFERENCES "program"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "indicator_target" ADD CONSTRAINT "indicator_target_indicator_id_fkey" FOREIGN KEY ("indicator_id") REFERENCES "indicator"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "indicator_target" ADD CONSTRAINT "indicator_target_state_code_fkey" FOREIGN KEY ("state_code") REFERENCES "state"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "state_authority" ADD CONSTRAINT "state_authority_state_code_fkey" FOREIGN KEY ("state_code") REFERENCES "state"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "app_user" ADD CONSTRAINT "app_user_state_code_fkey" FOREIGN KEY ("state_code") REFERENCES "state"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "app_user" DROP CONSTRAINT "app_user_state_code_fkey"`);
    await queryRunner.query(`ALTER TABLE "state_authority" DROP CONSTRAINT "state_authority_state_code_fkey"`);
    await queryRunner.query(`ALTER TABLE "indicator_target" DROP CONSTRAINT "indicator_target_state_code_fkey"`);
    await queryRunner.query(`ALTER TABLE "indicator_target" DROP CONSTRAINT "indicator_target_indicator_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "indicator" DROP CONSTRAINT "indicator_program_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "plan_item" DROP CONSTRAINT "plan_item_activity_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "plan_item" DROP CONSTRAINT "plan_item_participation_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "activity" DROP CONSTRAINT "activity_phase_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "activity" DROP CONSTRAINT "activity_program_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "phase" DROP CONSTRAINT "phase_program_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "institution" DROP CONSTRAINT "institution_participation_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "participation" DROP CONSTRAINT "participation_state_code_fkey"`);
    await queryRunner.query(`ALTER TABLE "participation" DROP CONSTRAINT "participation_program_id_fkey"`);
    await queryRunner.query(`DROP TABLE "app_user"`);
    await queryRunner.query(`DROP INDEX "public"."state_authority_state_code_valid_from_key"`);
    await queryRunner.query(`DROP TABLE "state_authority"`);
    await queryRunner.query(`DROP INDEX "public"."indicator_target_indicator_id_idx"`);
    await queryRunner.query(`DROP TABLE "indicator_target"`);
    await queryRunner.query(`DROP TABLE "indicator"`);
    await queryRunner.query(`DROP INDEX "public"."plan_item_activity_id_idx"`);
    await queryRunner.query(`DROP TABLE "plan_item"`);
    await queryRunner.query(`DROP INDEX "public"."activity_phase_id_idx"`);
    await queryRunner.query(`DROP TABLE "activity"`);
    await queryRunner.query(`DROP TABLE "phase"`);
    await queryRunner.query(`DROP TABLE "institution"`);
    await queryRunner.query(`DROP TABLE "participation"`);
    await queryRunner.query(`DROP TABLE "state"`);
    await queryRunner.query(`DROP TABLE "program"`);
    await queryRunner.query(`DROP INDEX "public"."audit_event_entity_type_entity_id_idx"`);
    await queryRunner.query(`DROP INDEX "public"."audit_event_occurred_at_idx"`);
    await queryRunner.query(`DROP INDEX "public"."audit_event_state_code_occurred_at_idx"`);
    await queryRunner.query(`DROP TABLE "audit_event"`);
  }
}
