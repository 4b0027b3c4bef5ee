-- The property company (物业公司) is a limited outside account: it keeps its supervision inspections and
-- rectification notices (LIFECYCLE_VIEW), its handover and takeover work (HANDOVER_VIEW, HANDOVER_WORK), and loses
-- the owner archive and the repair registry, whose contractor records carry the retention money (质保金).
delete from role_permission rp using role r
where rp.role_id = r.id and r.code = 'PROPERTY'
  and rp.permission_code in ('ARCHIVE_VIEW', 'REPAIR_VIEW', 'REPAIR_ALL', 'REPAIR_CREATE');
