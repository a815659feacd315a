import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateReviewRoundTables1795707308730 implements MigrationInterface {
  name = 'CreateReviewRoundTables1795707308730';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "review_round" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "program_id" uuid NOT NULL, "seq" integer NOT NULL, "code" character varying(40) NOT NULL, "title" character varying(300) NOT NULL, "as_of" date NOT NULL, "status" character varying(6) NOT NULL DEFAULT 'open', "figures" jsonb NOT NULL, "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "closed_at" TIMESTAMP WITH TIME ZONE, "closed_by_id" uuid, "agreement_reference" character varying(300), CONSTRAINT "review_round_program_id_seq_key" UNIQUE ("program_id", "seq"), CONSTRAINT "review_round_program_id_code_key" UNIQUE ("program_id", "code"), CONSTRAINT "review_round_closed_check" CHECK ((status = 'closed') = (closed_at IS NOT NULL) AND (closed_at IS NULL) = (closed_by_id IS NULL) AND (closed_at IS NULL) = (agreement_reference IS NULL)), CONSTRAINT "review_round_status_check" CHECK (status IN ('open', 'closed')), CONSTRAINT "review_round_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "review_finding" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "review_round_id" uuid NOT NULL, "number" integer NOT NULL, "type" character varying(20) NOT NULL, "state_code" character(2) NOT NULL, "activity_code" character varying(20), "description" text NOT NULL, "due_on" date, "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "review_finding_review_round_id_number_key" UNIQUE ("review_round_id", "number"), CONSTRAINT "review_finding_description_check" CHECK (char_length(description) BETWEEN 1 AND 5000), CONSTRAINT "review_finding_type_check" CHECK (type IN ('data_error', 'missing_evidence', 'delay', 'other')), CONSTRAINT "review_finding_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "review_finding_review_round_id_state_code_idx" ON "review_finding"  ("review_round_id", "state_code") `);
    await queryRunner.query(`ALTER TABLE "review_round" ADD CONSTRAINT "review_round_program_id_fkey" FOREIGN KEY ("program_id") REFERENCES "program"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "review_round" ADD CONSTRAINT "review_round_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "review_round" ADD CONSTRAINT "review_round_closed_by_id_fkey" FOREIGN KEY ("closed_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "review_finding" ADD CONSTRAINT "review_finding_review_round_id_fkey" FOREIGN KEY ("review_round_id") REFERENCES "review_round"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "review_finding" ADD CONSTRAINT "review_finding_state_code_fkey" FOREIGN KEY ("state_code") REFERENCES "state"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "review_finding" ADD CONSTRAINT "review_finding_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    // Not generated (TypeORM does not model triggers): a frozen round never changes, whatever code path tries. Only
    // closing an open round may update it (status, closed_at, closed_by_id, agreement_reference); nothing is deleted;
    // findings are inserted only into open rounds and never changed.
    await queryRunner.query(`CREATE FUNCTION review_round_guard() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'review round % is frozen: it is never deleted', OLD.code USING ERRCODE = 'check_violation';
      END IF;
      IF OLD.status = 'closed'
         OR (NEW.program_id, NEW.seq, NEW.code, NEW.title, NEW.as_of, NEW.figures, NEW.created_by_id, NEW.created_at)
            IS DISTINCT FROM (OLD.program_id, OLD.seq, OLD.code, OLD.title, OLD.as_of, OLD.figures, OLD.created_by_id, OLD.created_at) THEN
        RAISE EXCEPTION 'review round % is frozen: only an open round can be closed', OLD.code USING ERRCODE = 'check_violation';
      END IF;
      RETURN NEW;
    END $$`);
    await queryRunner.query(`CREATE TRIGGER review_round_frozen BEFORE UPDATE OR DELETE ON review_round FOR EACH ROW EXECUTE FUNCTION review_round_guard()`);
    await queryRunner.query(`CREATE FUNCTION review_finding_guard() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP <> 'INSERT' THEN
        RAISE EXCEPTION 'review findings are never changed or deleted' USING ERRCODE = 'check_violation';
      END IF;
      IF NOT EXISTS (SELECT 1 FROM review_round WHERE id = NEW.review_round_id AND status = 'open') THEN
        RAISE EXCEPTION 'findings are added only to open review rounds' USING ERRCODE = 'check_violation';
      END IF;
      RETURN NEW;
    END $$`);
    await queryRunner.query(`CREATE TRIGGER review_finding_frozen BEFORE INSERT OR UPDATE OR DELETE ON review_finding FOR EACH ROW EXECUTE FUNCTION review_finding_guard()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER review_finding_frozen ON review_finding`);
    await queryRunner.query(`DROP FUNCTION review_finding_guard()`);
    await queryRunner.query(`DROP TRIGGER review_round_frozen ON review_round`);
    await queryRunner.query(`DROP FUNCTION review_round_guard()`);
    await queryRunner.query(`ALTER TABLE "review_finding" DROP CONSTRAINT "review_finding_created_by_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "review_finding" DROP CONSTRAINT "review_finding_state_code_fkey"`);
    await queryRunner.query(`ALTER TABLE "review_finding" DROP CONSTRAINT "review_finding_review_round_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "review_round" DROP CONSTRAINT "review_round_closed_by_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "review_round" DROP CONSTRAINT "review_round_created_by_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "review_round" DROP CONSTRAINT "review_round_program_id_fkey"`);
    await queryRunner.query(`DROP INDEX "public"."review_finding_review_round_id_state_code_idx"`);
    await queryRunner.query(`DROP TABLE "review_finding"`);
    await queryRunner.query(`DROP TABLE "review_round"`);
  }
}
