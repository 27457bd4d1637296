-- resource/: a resource's access list (Formidler extension). When enabled, only members may receive transfers.
create table resource_access_list (
    resource_id text primary key references resource (id) on delete cascade,
    enabled     boolean not null
);

create table resource_access_list_member (
    resource_id text not null references resource (id) on delete cascade,
    org         char(9) not null,
    primary key (resource_id, org)   -- also the index of the membership check at initialize
);
