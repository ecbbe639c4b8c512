-- The lead pipeline ends in `won` or `lost` (new -> contacted -> qualified -> won / lost). The earlier end states
-- meant the same thing under other names: a `converted` lead was won, a `rejected` one lost. The check is
-- replaced first, so the renamed values are accepted; no lead is deleted and no other value changes.
alter table leads drop constraint if exists leads_status_check;
update leads set status = 'won' where status = 'converted';
update leads set status = 'lost' where status = 'rejected';
alter table leads
  add constraint leads_status_check check (status in ('new', 'contacted', 'qualified', 'won', 'lost', 'spam'));
