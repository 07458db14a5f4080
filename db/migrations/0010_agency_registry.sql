-- 0009_agency_registry_i14.sql: what a province's own agency list carries beyond the demo's (issue 14 §1):
-- the agency's staff count and its code in the NACC's ITAS system, both optional.

ALTER TABLE agencies ADD COLUMN staff_count INTEGER CHECK (staff_count IS NULL OR staff_count >= 0);
ALTER TABLE agencies ADD COLUMN itas_code TEXT;
