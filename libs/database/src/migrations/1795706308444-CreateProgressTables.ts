import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateProgressTables1795706308444 implements MigrationInterface {
  name = 'CreateProgressTables1795706308444';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "notification" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "program_id" uuid NOT NULL, "state_code" character(2) NOT NULL, "plan_item_id" uuid NOT NULL, "kind" character varying(10) NOT NULL, "due_on" date NOT NULL, "detected_on" date NOT NULL, "progress" double precision NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "notification_plan_item_id_kind_due_on_key" UNIQUE ("plan_item_id", "kind", "due_on"), CONSTRAINT "notification_kind_check" CHECK (kind IN ('overdue', 'due_soon')), CONSTRAINT "notification_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "notification_program_id_state_code_created_at_idx" ON "notification"  ("program_id", "state_code", "created_at") `);
    await queryRunner.query(`CREATE TABLE "job_run" ("job" character varying(40) NOT NULL, "program_id" uuid NOT NULL, "run_date" date NOT NULL, "instance_id" character varying(120) NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finished_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "result" jsonb NOT NULL DEFAULT '{}', CONSTRAINT "job_run_pkey" PRIMARY KEY ("job", "program_id", "run_date"))`);
    await queryRunner.query(`CREATE TABLE "progress_snapshot" ("program_id" uuid NOT NULL, "snapshot_date" date NOT NULL, "scope" character varying(8) NOT NULL, "figures" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "progress_snapshot_pkey" PRIMARY KEY ("program_id", "snapshot_date", "scope"))`);
    await queryRunner.query(`CREATE TABLE "progress_version" ("program_id" uuid NOT NULL, "state_code" character(2) NOT NULL, "version" bigint NOT NULL DEFAULT '1', "max_reported_on" date, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "progress_version_pkey" PRIMARY KEY ("program_id", "state_code"))`);
    await queryRunner.query(`CREATE TABLE "unit_progress" ("plan_item_id" uuid NOT NULL, "institution_key" uuid NOT NULL, "current_report_id" uuid, "current_status" character varying(12), "current_percent" numeric(5,2), "current_reported_on" date, "current_review_state" character varying(10), "validated_report_id" uuid, "validated_status" character varying(12), "validated_percent" numeric(5,2), "validated_reported_on" date, "completed_on" date, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "unit_progress_pkey" PRIMARY KEY ("plan_item_id", "institution_key"))`);
    await queryRunner.query(`ALTER TABLE "notification" ADD CONSTRAINT "notification_program_id_fkey" FOREIGN KEY ("program_id") REFERENCES "program"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "notification" ADD CONSTRAINT "notification_state_code_fkey" FOREIGN KEY ("state_code") REFERENCES "state"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "notification" ADD CONSTRAINT "notification_plan_item_id_fkey" FOREIGN KEY ("plan_item_id") REFERENCES "plan_item"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "job_run" ADD CONSTRAINT "job_run_program_id_fkey" FOREIGN KEY ("program_id") REFERENCES "program"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "progress_snapshot" ADD CONSTRAINT "progress_snapshot_program_id_fkey" FOREIGN KEY ("program_id") REFERENCES "program"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "progress_version" ADD CONSTRAINT "progress_version_program_id_fkey" FOREIGN KEY ("program_id") REFERENCES "program"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "unit_progress" ADD CONSTRAINT "unit_progress_plan_item_id_fkey" FOREIGN KEY ("plan_item_id") REFERENCES "plan_item"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    // Not generated (TypeORM does not model triggers): every write that changes a state's progress inputs bumps
    // progress_version in its own transaction, whatever code path makes it, so cached figures are never stale.
    // Reports and reviews bump it from ProgressMaintainer (the report-write hook) together with unit_progress.
    await queryRunner.query(`CREATE FUNCTION progress_touch(p_program uuid, p_state char(2)) RETURNS void LANGUAGE sql AS $$
      INSERT INTO progress_version AS v (program_id, state_code) VALUES (p_program, p_state)
      ON CONFLICT (program_id, state_code) DO UPDATE SET version = v.version + 1, updated_at = now()
    $$`);
    await queryRunner.query(`CREATE FUNCTION progress_touch_participation() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        PERFORM progress_touch(NEW.program_id, NEW.state_code);
      ELSIF TG_OP = 'DELETE' THEN
        PERFORM progress_touch(OLD.program_id, OLD.state_code);
      ELSE
        PERFORM progress_touch(OLD.program_id, OLD.state_code);
        IF (OLD.program_id, OLD.state_code) IS DISTINCT FROM (NEW.program_id, NEW.state_code) THEN
          PERFORM progress_touch(NEW.program_id, NEW.state_code);
        END IF;
      END IF;
      RETURN NULL;
    END $$`);
    await queryRunner.query(`CREATE FUNCTION progress_touch_by_participation() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        PERFORM progress_touch(p.program_id, p.state_code) FROM participation p WHERE p.id = NEW.participation_id;
      ELSIF TG_OP = 'DELETE' THEN
        PERFORM progress_touch(p.program_id, p.state_code) FROM participation p WHERE p.id = OLD.participation_id;
      ELSE
        PERFORM progress_touch(p.program_id, p.state_code) FROM participation p WHERE p.id = OLD.participation_id;
        IF NEW.participation_id IS DISTINCT FROM OLD.participation_id THEN
          PERFORM progress_touch(p.program_id, p.state_code) FROM participation p WHERE p.id = NEW.participation_id;
        END IF;
      END IF;
      RETURN NULL;
    END $$`);
    await queryRunner.query(`CREATE FUNCTION progress_touch_program() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      program uuid;
    BEGIN
      IF TG_TABLE_NAME = 'program' THEN
        program := OLD.id;
      ELSIF TG_OP = 'DELETE' THEN
        program := OLD.program_id;
      ELSE
        program := NEW.program_id;
      END IF;
      UPDATE progress_version SET version = version + 1, updated_at = now() WHERE program_id = program;
      RETURN NULL;
    END $$`);
    await queryRunner.query(`CREATE TRIGGER participation_progress_touch AFTER INSERT OR UPDATE OR DELETE ON participation FOR EACH ROW EXECUTE FUNCTION progress_touch_participation()`);
    await queryRunner.query(`CREATE TRIGGER plan_item_progress_touch AFTER INSERT OR UPDATE OR DELETE ON plan_item FOR EACH ROW EXECUTE FUNCTION progress_touch_by_participation()`);
    await queryRunner.query(`CREATE TRIGGER institution_progress_touch AFTER INSERT OR UPDATE OR DELETE ON institution FOR EACH ROW EXECUTE FUNCTION progress_touch_by_participation()`);
    await queryRunner.query(`CREATE TRIGGER program_progress_touch AFTER UPDATE ON program FOR EACH ROW EXECUTE FUNCTION progress_touch_program()`);
    await queryRunner.query(`CREATE TRIGGER activity_progress_touch AFTER INSERT OR UPDATE OR DELETE ON activity FOR EACH ROW EXECUTE FUNCTION progress_touch_program()`);
    await queryRunner.query(`CREATE TRIGGER phase_progress_touch AFTER INSERT OR UPDATE OR DELETE ON phase FOR EACH ROW EXECUTE FUNCTION progress_touch_program()`);
    // Participations that exist already get their version row; unit_progress of existing reports is built at start-up
    // (ProgressMaintainer.onApplicationBootstrap: reports but no unit_progress → rebuild).
    await queryRunner.query(`INSERT INTO progress_version (program_id, state_code) SELECT program_id, state_code FROM participation ON CONFLICT DO NOTHING`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const t of ['participation', 'plan_item', 'institution', 'program', 'activity', 'phase']) {
      await queryRunner.query(`DROP TRIGGER ${t}_progress_touch ON ${t}`);
    }
    await queryRunner.query(`DROP FUNCTION progress_touch_program()`);
    await queryRunner.query(`DROP FUNCTION progress_touch_by_participation()`);
    await queryRunner.query(`DROP FUNCTION progress_touch_participation()`);
    await queryRunner.query(`DROP FUNCTION progress_touch(uuid, char)`);
    await queryRunner.query(`ALTER TABLE "unit_progress" DROP CONSTRAINT "unit_progress_plan_item_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "progress_version" DROP CONSTRAINT "progress_version_program_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "progress_snapshot" DROP CONSTRAINT "progress_snapshot_program_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "job_run" DROP CONSTRAINT "job_run_program_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "notification" DROP CONSTRAINT "notification_plan_item_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "notification" DROP CONSTRAINT "notification_state_code_fkey"`);
    await queryRunner.query(`ALTER TABLE "notification" DROP CONSTRAINT "notification_program_id_fkey"`);
    await queryRunner.query(`DROP TABLE "unit_progress"`);
    await queryRunner.query(`DROP TABLE "progress_version"`);
    await queryRunner.query(`DROP TABLE "progress_snapshot"`);
    await queryRunner.query(`DROP TABLE "job_run"`);
    await queryRunner.query(`DROP INDEX "public"."notification_program_id_state_code_created_at_idx"`);
    await queryRunner.query(`DROP TABLE "notification"`);
  }
}
