-- The texts of a call and a visit have the limits their forms say (来电内容 and 答复 2000, 来访事由 500 characters, what
-- a line of the printed register holds); rows recorded before the limits are kept as they are (not validated).
alter table call_log add constraint call_log_content_length check (char_length(content) <= 2000) not valid;
alter table call_log add constraint call_log_answer_length check (char_length(answer) <= 2000) not valid;
alter table visit add constraint visit_reason_length check (char_length(reason) <= 500) not valid;
