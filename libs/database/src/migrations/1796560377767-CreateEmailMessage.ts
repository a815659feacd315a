import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateEmailMessage1796560377767 implements MigrationInterface {
  name = 'CreateEmailMessage1796560377767';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "email_message" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" character varying(20) NOT NULL, "program_id" uuid NOT NULL, "occasion" date NOT NULL, "recipient_id" uuid NOT NULL, "recipient_email" character varying(320) NOT NULL, "subject" character varying(300) NOT NULL, "body" text NOT NULL, "status" character varying(10) NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "message_id" character varying(300), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "email_message_kind_program_id_occasion_recipient_id_key" UNIQUE ("kind", "program_id", "occasion", "recipient_id"), CONSTRAINT "email_message_sent_check" CHECK ((status = 'sent') = (sent_at IS NOT NULL)), CONSTRAINT "email_message_status_check" CHECK (status IN ('pending', 'sent', 'failed')), CONSTRAINT "email_message_kind_check" CHECK (kind IN ('deadline_notice', 'weekly_digest')), CONSTRAINT "email_message_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "email_message_status_created_at_idx" ON "email_message"  ("status", "created_at") `);
    await queryRunner.query(`ALTER TABLE "email_message" ADD CONSTRAINT "email_message_program_id_fkey" FOREIGN KEY ("program_id") REFERENCES "program"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "email_message" ADD CONSTRAINT "email_message_recipient_id_fkey" FOREIGN KEY ("recipient_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "email_message" DROP CONSTRAINT "email_message_recipient_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "email_message" DROP CONSTRAINT "email_message_program_id_fkey"`);
    await queryRunner.query(`DROP INDEX "public"."email_message_status_created_at_idx"`);
    await queryRunner.query(`DROP TABLE "email_message"`);
  }
}
