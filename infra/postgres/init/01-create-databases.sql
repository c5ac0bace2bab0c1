-- Run once by the postgres image on an empty data volume (/docker-entrypoint-initdb.d), as POSTGRES_USER, which
-- then owns them. One database per app (architecture.md, "Modules"), named as each app's cityfin.database.
CREATE DATABASE cityfin_gateway;
CREATE DATABASE cityfin_credit;
CREATE DATABASE cityfin_insurance;
CREATE DATABASE cityfin_capital_market;
CREATE DATABASE cityfin_platform;
CREATE DATABASE cityfin_risk;
