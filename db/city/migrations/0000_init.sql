CREATE TABLE "audit" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" bigint NOT NULL,
	"user_id" integer,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" integer,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "config_versions" (
	"version" serial PRIMARY KEY NOT NULL,
	"services" jsonb NOT NULL,
	"published_at" bigint NOT NULL,
	"published_by" integer
);
--> statement-breakpoint
CREATE TABLE "hall_events" (
	"hall_id" integer NOT NULL,
	"seq" bigint NOT NULL,
	"kind" text NOT NULL,
	"at" bigint NOT NULL,
	"ticket_id" integer,
	"issued_at" bigint,
	"body" jsonb NOT NULL,
	CONSTRAINT "hall_events_hall_id_seq_pk" PRIMARY KEY("hall_id","seq")
);
--> statement-breakpoint
CREATE TABLE "halls" (
	"id" serial PRIMARY KEY NOT NULL,
	"name_ar" text NOT NULL,
	"name_en" text NOT NULL,
	"time_zone" text NOT NULL,
	"token_hash" text NOT NULL,
	"acked_seq" bigint DEFAULT 0 NOT NULL,
	"last_heard_at" bigint,
	"config_version" integer DEFAULT 0 NOT NULL,
	"status" jsonb,
	"software" text,
	"created_at" bigint NOT NULL,
	CONSTRAINT "halls_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"expires_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "socket_io_attachments" (
	"id" bigserial NOT NULL,
	"created_at" timestamp with time zone DEFAULT now(),
	"payload" "bytea",
	CONSTRAINT "socket_io_attachments_id_unique" UNIQUE("id")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" text NOT NULL,
	"display_name" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" bigint NOT NULL,
	CONSTRAINT "users_username_unique" UNIQUE("username")
);
--> statement-breakpoint
ALTER TABLE "hall_events" ADD CONSTRAINT "hall_events_hall_id_halls_id_fk" FOREIGN KEY ("hall_id") REFERENCES "public"."halls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "hall_events_issued" ON "hall_events" USING btree ("hall_id","issued_at");--> statement-breakpoint
CREATE INDEX "hall_events_kind_at" ON "hall_events" USING btree ("hall_id","kind","at");--> statement-breakpoint
CREATE INDEX "sessions_user" ON "sessions" USING btree ("user_id");