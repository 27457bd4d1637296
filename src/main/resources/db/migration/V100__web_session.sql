-- webapp/: sessions of people signed in to the web app. The browser holds only the session id in an HttpOnly
-- cookie; the table keeps its SHA-256, so a leaked table row cannot be replayed as a cookie.
create table web_session (
    id_hash       text primary key,
    org           char(9) not null,
    role          text not null check (role in ('party', 'serviceowner')),
    csrf_token    text not null,
    token         text not null,            -- the broker token the session acts with, renewed before it expires
    token_expires timestamptz not null,
    expires       timestamptz not null,
    created       timestamptz not null
);
create index web_session_expires_idx on web_session (expires);
