-- Pitfall: the running version still reads this column while the new one rolls out
-- (destructive-migration): stop using it first, drop it in a later release.
ALTER TABLE payment DROP COLUMN card_fingerprint;
