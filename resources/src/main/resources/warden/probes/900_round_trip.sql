-- name: Round trip
-- description: SELECT 1: the network and protocol floor under every other probe. Works on any PostgreSQL.
-- threshold_ms: 2
-- threshold_source: Warden: a loopback round trip should stay well under 2 ms
-- query:
SELECT 1
