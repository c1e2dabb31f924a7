-- Sign-in attempts per client per ten minutes, whatever the email: one
-- address cannot keep the server checking passwords (each check is slow and
-- takes memory on purpose). Clients are known by the day's salted hash of
-- their address, as for feedback; no address is kept. `period` is the
-- timestamp cut after the tens of minutes ("2026-12-01T18:5").
CREATE TABLE sign_in_rate (
    client TEXT NOT NULL,
    period TEXT NOT NULL,
    count  BIGINT NOT NULL,
    PRIMARY KEY (client, period)
);
