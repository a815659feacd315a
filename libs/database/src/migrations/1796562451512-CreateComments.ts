import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateComments1796562451512 implements MigrationInterface {
  name = 'CreateComments1796562451512';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "comment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "program_id" uuid NOT NULL, "state_code" character(2) NOT NULL, "subject_type" character varying(10) NOT NULL, "subject_id" uuid NOT NULL, "author_id" uuid NOT NULL, "body" text NOT NULL, "answer" boolean NOT NULL DEFAULT false, "late" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "comment_answer_check" CHECK (NOT answer OR subject_type = 'finding'), CONSTRAINT "comment_body_check" CHECK (char_length(body) BETWEEN 1 AND 4000), CONSTRAINT "comment_subject_type_check" CHECK (subject_type IN ('report', 'plan_item', 'finding')), CONSTRAINT "comment_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "comment_subject_type_subject_id_created_at_idx" ON "comment"  ("subject_type", "subject_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "comment_mention" ("comment_id" uuid NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "read_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "comment_mention_pkey" PRIMARY KEY ("comment_id", "user_id"))`);
    await queryRunner.query(`CREATE INDEX "comment_mention_user_id_created_at_idx" ON "comment_mention"  ("user_id", "created_at") `);
    await queryRunner.query(`ALTER TABLE "comment" ADD CONSTRAINT "comment_program_id_fkey" FOREIGN KEY ("program_id") REFERENCES "program"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "comment" ADD CONSTRAINT "comment_state_code_fkey" FOREIGN KEY ("state_code") REFERENCES "state"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "comment" ADD CONSTRAINT "comment_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "comment_mention" ADD CONSTRAINT "comment_mention_comment_id_fkey" FOREIGN KEY ("comment_id") REFERENCES "comment"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "comment_mention" ADD CONSTRAINT "comment_mention_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "comment_mention" DROP CONSTRAINT "comment_mention_user_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "comment_mention" DROP CONSTRAINT "comment_mention_comment_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "comment" DROP CONSTRAINT "comment_author_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "comment" DROP CONSTRAINT "comment_state_code_fkey"`);
    await queryRunner.query(`ALTER TABLE "comment" DROP CONSTRAINT "comment_program_id_fkey"`);
    await queryRunner.query(`DROP INDEX "public"."comment_mention_user_id_created_at_idx"`);
    await queryRunner.query(`DROP TABLE "comment_mention"`);
    await queryRunner.query(`DROP INDEX "public"."comment_subject_type_subject_id_created_at_idx"`);
    await queryRunner.query(`DROP TABLE "comment"`);
  }
}
