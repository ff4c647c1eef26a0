ALTER TABLE "halls" ALTER COLUMN "name_en" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "halls" ADD COLUMN "name_fr" text;