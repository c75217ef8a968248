-- Trigram search (customer, plate and VIN search). PGlite ships pg_trgm too, loaded in db/client.ts.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
