-- OCR Translate schema. Ids are opaque random strings with a type prefix (acct_, key_, batch_, img_);
-- timestamps are ISO-8601 UTC strings, which sort in time order.

CREATE TABLE accounts (
  id                  TEXT PRIMARY KEY,
  name                TEXT NOT NULL UNIQUE,
  -- Webhook signing secret (whsec_…), AES-GCM sealed with DATA_ENCRYPTION_KEY; never stored in clear.
  webhook_secret_sealed TEXT,
  created_at          TEXT NOT NULL
);

CREATE TABLE api_keys (
  id            TEXT PRIMARY KEY,
  account_id    TEXT NOT NULL REFERENCES accounts(id),
  name          TEXT NOT NULL,
  -- The visible start of the key (ocrt_XXXXXXXXXXXX), unique, used to find the row before comparing hashes.
  prefix        TEXT NOT NULL UNIQUE,
  -- SHA-256 (hex) of the whole key; the key itself is shown once and never stored.
  key_hash      TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  last_used_at  TEXT,
  revoked_at    TEXT
);
CREATE INDEX api_keys_by_account ON api_keys(account_id, created_at);

CREATE TABLE batches (
  id                TEXT PRIMARY KEY,
  account_id        TEXT NOT NULL REFERENCES accounts(id),
  status            TEXT NOT NULL CHECK (status IN ('pending','processing','completed','partially_completed','failed','cancelled')),
  target_languages  TEXT NOT NULL,           -- JSON array of codes, in request order, deduplicated
  source_lang       TEXT,
  exclude_text      TEXT,
  output_format     TEXT CHECK (output_format IN ('png','jpeg','webp')),
  webhook_url       TEXT,
  total_images      INTEGER NOT NULL,
  completed_count   INTEGER NOT NULL DEFAULT 0,
  failed_count      INTEGER NOT NULL DEFAULT 0,
  created_at        TEXT NOT NULL,
  started_at        TEXT,
  completed_at      TEXT,
  updated_at        TEXT NOT NULL
);
CREATE INDEX batches_by_account ON batches(account_id, created_at DESC, id DESC);
-- The sweeper looks for unfinished batches that stopped moving.
CREATE INDEX batches_unfinished ON batches(status, updated_at) WHERE status IN ('pending','processing');

CREATE TABLE batch_images (
  id                 TEXT PRIMARY KEY,
  batch_id           TEXT NOT NULL REFERENCES batches(id),
  account_id         TEXT NOT NULL REFERENCES accounts(id),
  position           INTEGER NOT NULL,      -- 0-based order in the request
  original_filename  TEXT,                  -- client-supplied; metadata only, never part of a storage key
  format             TEXT NOT NULL CHECK (format IN ('png','jpeg','webp')),
  byte_size          INTEGER NOT NULL,
  width              INTEGER NOT NULL,
  height             INTEGER NOT NULL,
  content_sha256     TEXT NOT NULL,
  original_key       TEXT NOT NULL,
  clean_key          TEXT,
  source_lang        TEXT,
  status             TEXT NOT NULL CHECK (status IN ('pending','processing','completed','failed','cancelled')),
  error_code         TEXT,
  error_message      TEXT,
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL,
  UNIQUE (batch_id, position)
);

-- One row per (image, target language): the translated picture for that language.
CREATE TABLE outputs (
  image_id        TEXT NOT NULL REFERENCES batch_images(id),
  lang            TEXT NOT NULL,
  batch_id        TEXT NOT NULL REFERENCES batches(id),
  status          TEXT NOT NULL CHECK (status IN ('pending','processing','completed','failed','cancelled')),
  translated_key  TEXT,
  engine          TEXT,
  error_code      TEXT,
  error_message   TEXT,
  created_at      TEXT NOT NULL,
  completed_at    TEXT,
  PRIMARY KEY (image_id, lang)
);
CREATE INDEX outputs_by_batch ON outputs(batch_id, status);

-- Text regions found by OCR in one batch image (independent of the target language).
CREATE TABLE regions (
  image_id       TEXT NOT NULL REFERENCES batch_images(id),
  position       INTEGER NOT NULL,          -- region_1 is position 0
  original_text  TEXT NOT NULL,
  confidence     REAL NOT NULL,
  x              INTEGER NOT NULL,
  y              INTEGER NOT NULL,
  width          INTEGER NOT NULL,
  height         INTEGER NOT NULL,
  excluded       INTEGER NOT NULL DEFAULT 0,
  detail         TEXT,                      -- JSON: lines, excluded spans, style
  PRIMARY KEY (image_id, position)
);

-- The translation of each region, per target language.
CREATE TABLE region_translations (
  image_id         TEXT NOT NULL REFERENCES batch_images(id),
  lang             TEXT NOT NULL,
  position         INTEGER NOT NULL,
  translated_text  TEXT NOT NULL,
  PRIMARY KEY (image_id, lang, position)
);

CREATE TABLE webhook_deliveries (
  id                TEXT PRIMARY KEY,       -- the webhook-id header: stable across retries
  batch_id          TEXT NOT NULL UNIQUE REFERENCES batches(id),
  account_id        TEXT NOT NULL REFERENCES accounts(id),
  url               TEXT NOT NULL,
  event_type        TEXT NOT NULL,
  payload           TEXT NOT NULL,          -- the exact JSON body, so every retry signs the same bytes
  status            TEXT NOT NULL CHECK (status IN ('pending','delivering','delivered','failed')),
  attempts          INTEGER NOT NULL DEFAULT 0,
  last_status_code  INTEGER,
  last_error        TEXT,
  next_attempt_at   TEXT,
  created_at        TEXT NOT NULL,
  delivered_at      TEXT
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries(status, next_attempt_at) WHERE status IN ('pending','delivering');

CREATE TABLE idempotency_keys (
  account_id          TEXT NOT NULL REFERENCES accounts(id),
  key                 TEXT NOT NULL,
  request_fingerprint TEXT NOT NULL,        -- SHA-256 of the request's fields and file hashes
  batch_id            TEXT NOT NULL REFERENCES batches(id),
  created_at          TEXT NOT NULL,
  PRIMARY KEY (account_id, key)
);
