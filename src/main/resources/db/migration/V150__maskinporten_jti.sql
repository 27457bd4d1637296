-- auth/: the jti of every JWT-bearer grant the Maskinporten-compatible endpoint answered, kept for the grant's
-- lifetime so that a replayed assertion is refused on any node. Expired rows are removed as new ones come in.
create table maskinporten_jti (
    client_id text not null,
    jti text not null,
    expires timestamptz not null,
    primary key (client_id, jti)
);
create index maskinporten_jti_expires on maskinporten_jti (expires);
