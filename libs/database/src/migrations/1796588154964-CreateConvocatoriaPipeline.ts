import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateConvocatoriaPipeline1796588154964 implements MigrationInterface {
  name = 'CreateConvocatoriaPipeline1796588154964';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "pipeline_entry" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "program_id" uuid NOT NULL, "state_code" character(2) NOT NULL, "stage" character varying(12) NOT NULL, "cohort" character varying(120), "interest_on" date, "interest_file_id" uuid, "convened_on" date, "joined_on" date, "declined_on" date, "declined_reason" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pipeline_entry_program_id_state_code_key" UNIQUE ("program_id", "state_code"), CONSTRAINT "pipeline_entry_declined_check" CHECK (stage <> 'declined' OR declined_reason IS NOT NULL), CONSTRAINT "pipeline_entry_stage_check" CHECK (stage IN ('candidate', 'interested', 'convened', 'joined', 'declined')), CONSTRAINT "pipeline_entry_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "pipeline_transition" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "pipeline_entry_id" uuid NOT NULL, "from_stage" character varying(12), "to_stage" character varying(12) NOT NULL, "on" date NOT NULL, "reason" text, "actor_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pipeline_transition_to_stage_check" CHECK (to_stage IN ('candidate', 'interested', 'convened', 'joined', 'declined')), CONSTRAINT "pipeline_transition_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "pipeline_transition_pipeline_entry_id_idx" ON "pipeline_transition"  ("pipeline_entry_id") `);
    await queryRunner.query(`CREATE TABLE "accompaniment_session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "pipeline_entry_id" uuid NOT NULL, "held_on" date NOT NULL, "topic" character varying(200) NOT NULL, "notes" text, "author_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "accompaniment_session_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "accompaniment_session_pipeline_entry_id_held_on_idx" ON "accompaniment_session"  ("pipeline_entry_id", "held_on") `);
    await queryRunner.query(`ALTER TABLE "pipeline_entry" ADD CONSTRAINT "pipeline_entry_program_id_fkey" FOREIGN KEY ("program_id") REFERENCES "program"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "pipeline_entry" ADD CONSTRAINT "pipeline_entry_state_code_fkey" FOREIGN KEY ("state_code") REFERENCES "state"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "pipeline_entry" ADD CONSTRAINT "pipeline_entry_interest_file_id_fkey" FOREIGN KEY ("interest_file_id") REFERENCES "stored_file"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "pipeline_transition" ADD CONSTRAINT "pipeline_transition_pipeline_entry_id_fkey" FOREIGN KEY ("pipeline_entry_id") REFERENCES "pipeline_entry"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "pipeline_transition" ADD CONSTRAINT "pipeline_transition_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "accompaniment_session" ADD CONSTRAINT "accompaniment_session_pipeline_entry_id_fkey" FOREIGN KEY ("pipeline_entry_id") REFERENCES "pipeline_entry"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "accompaniment_session" ADD CONSTRAINT "accompaniment_session_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "accompaniment_session" DROP CONSTRAINT "accompaniment_session_author_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "accompaniment_session" DROP CONSTRAINT "accompaniment_session_pipeline_entry_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "pipeline_transition" DROP CONSTRAINT "pipeline_transition_actor_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "pipeline_transition" DROP CONSTRAINT "pipeline_transition_pipeline_entry_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "pipeline_entry" DROP CONSTRAINT "pipeline_entry_interest_file_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "pipeline_entry" DROP CONSTRAINT "pipeline_entry_state_code_fkey"`);
    await queryRunner.query(`ALTER TABLE "pipeline_entry" DROP CONSTRAINT "pipeline_entry_program_id_fkey"`);
    await queryRunner.query(`DROP INDEX "public"."accompaniment_session_pipeline_entry_id_held_on_idx"`);
    await queryRunner.query(`DROP TABLE "accompaniment_session"`);
    await queryRunner.query(`DROP INDEX "public"."pipeline_transition_pipeline_entry_id_idx"`);
    await queryRunner.query(`DROP TABLE "pipeline_transition"`);
    await queryRunner.query(`DROP TABLE "pipeline_entry"`);
  }
}
