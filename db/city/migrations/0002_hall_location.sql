ALTER TABLE "halls" ADD COLUMN "lat" double precision;--> statement-breakpoint
ALTER TABLE "halls" ADD COLUMN "lng" double precision;