CREATE TABLE "report_days" (
	"hall_id" integer NOT NULL,
	"day" date NOT NULL,
	"data" jsonb NOT NULL,
	"targets" jsonb NOT NULL,
	CONSTRAINT "report_days_hall_id_day_pk" PRIMARY KEY("hall_id","day")
);
--> statement-breakpoint
ALTER TABLE "report_days" ADD CONSTRAINT "report_days_hall_id_halls_id_fk" FOREIGN KEY ("hall_id") REFERENCES "public"."halls"("id") ON DELETE no action ON UPDATE no action;