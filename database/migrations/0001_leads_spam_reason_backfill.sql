-- Until automated screening started keeping suspected spam (with the reason it was caught in `spam_reason`), a
-- lead had status 'spam' only because a marketer set it by hand, and had no reason column at all. Name those
-- leads, so that every spam lead says why it is one and a reason filter never drops the older ones.
alter table leads add column if not exists spam_reason text;
update leads set spam_reason = 'marked_by_hand' where status = 'spam' and spam_reason is null;
