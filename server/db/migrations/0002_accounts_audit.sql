CREATE TABLE `sessions` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`username` text NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	FOREIGN KEY (`username`) REFERENCES `users`(`username`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`username`);--> statement-breakpoint
CREATE TABLE `users` (
	`username` text PRIMARY KEY NOT NULL,
	`display_name` text NOT NULL,
	`role` text NOT NULL,
	`jurisdiction_id` text,
	`town` text,
	`password_hash` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text
);
--> statement-breakpoint
ALTER TABLE `audit` ADD `hash` text;--> statement-breakpoint
CREATE INDEX `audit_action_idx` ON `audit` (`action`);--> statement-breakpoint
CREATE INDEX `audit_actor_idx` ON `audit` (`actor`);--> statement-breakpoint
ALTER TABLE `conversations` ADD `created_by` text;--> statement-breakpoint
ALTER TABLE `jobs` ADD `created_by` text;--> statement-breakpoint
ALTER TABLE `jobs` ADD `town` text;--> statement-breakpoint
-- The audit trail is append-only: the database itself refuses to change or delete a row. A new row's
-- hash chains it to the row before it (luodi_audit_hash is registered on every open, server/db/audit.ts);
-- an insert may not bring its own hash, and the only UPDATE allowed is that first setting of it.
CREATE TRIGGER `audit_insert_no_hash` BEFORE INSERT ON `audit` WHEN NEW.`hash` IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'audit: the hash is set by the database'); END;
--> statement-breakpoint
CREATE TRIGGER `audit_chain` AFTER INSERT ON `audit`
BEGIN
  UPDATE `audit` SET `hash` = luodi_audit_hash(
    (SELECT `hash` FROM `audit` WHERE `id` < NEW.`id` ORDER BY `id` DESC LIMIT 1),
    NEW.`id`, NEW.`at`, NEW.`actor`, NEW.`action`, NEW.`object`, NEW.`detail`)
  WHERE `id` = NEW.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `audit_no_update` BEFORE UPDATE ON `audit`
WHEN OLD.`hash` IS NOT NULL OR NEW.`hash` IS NULL OR NEW.`id` IS NOT OLD.`id` OR NEW.`at` IS NOT OLD.`at`
  OR NEW.`actor` IS NOT OLD.`actor` OR NEW.`action` IS NOT OLD.`action` OR NEW.`object` IS NOT OLD.`object`
  OR NEW.`detail` IS NOT OLD.`detail`
BEGIN SELECT RAISE(ABORT, 'audit is append-only: a row cannot be changed'); END;
--> statement-breakpoint
CREATE TRIGGER `audit_no_delete` BEFORE DELETE ON `audit`
BEGIN SELECT RAISE(ABORT, 'audit is append-only: a row cannot be deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `routings_no_update` BEFORE UPDATE ON `routings`
BEGIN SELECT RAISE(ABORT, 'the routing ledger is append-only: a row cannot be changed'); END;
--> statement-breakpoint
CREATE TRIGGER `routings_no_delete` BEFORE DELETE ON `routings`
BEGIN SELECT RAISE(ABORT, 'the routing ledger is append-only: a row cannot be deleted'); END;
