-- What the staff module publishes: who a person is, without anything of their sign-in.
create view staff_person as
    select a.id, a.username, a.display_name, a.enabled, a.position_id, a.phone, a.email, a.organization
    from staff_account a;
