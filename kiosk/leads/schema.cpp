#include "kiosk/leads/schema.h"

#include <fmt/format.h>

#include "kiosk/leads/store_sqlite.h"

namespace etalase::leads {

namespace {

// Products of interest live in a child table rather than a JSON column: the dashboard and the
// export ask "which leads want product X" and "how many leads per product", which an indexed
// column answers without parsing JSON, and `position` keeps the visitor's order.
constexpr const char* kVersion1 = R"sql(
CREATE TABLE leads (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  device_id TEXT NOT NULL DEFAULT '',
  created_utc TEXT NOT NULL,
  pack_id TEXT NOT NULL DEFAULT '',
  producer_id TEXT NOT NULL DEFAULT '',
  name TEXT NOT NULL DEFAULT '',
  company TEXT NOT NULL DEFAULT '',
  country_code TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  buyer_type TEXT NOT NULL DEFAULT '',
  order_volume TEXT NOT NULL DEFAULT '',
  preferred_language TEXT NOT NULL DEFAULT '',
  message TEXT NOT NULL DEFAULT '',
  visitor_language TEXT NOT NULL DEFAULT '',
  consent_given INTEGER NOT NULL CHECK (consent_given IN (0, 1)),
  consent_version TEXT NOT NULL DEFAULT '',
  consent_language TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL DEFAULT '',
  raw_card TEXT NOT NULL DEFAULT ''
);
CREATE TABLE lead_products (
  lead_id INTEGER NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  product_id TEXT NOT NULL,
  PRIMARY KEY (lead_id, position)
) WITHOUT ROWID;
-- Visit counters: no personal data, one row per kind, product and UTC hour.
CREATE TABLE counters (
  kind TEXT NOT NULL,
  product_id TEXT NOT NULL,
  hour_utc TEXT NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (kind, product_id, hour_utc)
) WITHOUT ROWID;
)sql";

// The staff screen lists leads newest first and the dashboard counts leads per product.
constexpr const char* kVersion2 = R"sql(
CREATE INDEX leads_by_created ON leads (created_utc);
CREATE INDEX lead_products_by_product ON lead_products (product_id);
)sql";

// Staff mode: a rating, notes and a follow-up flag per lead; when a lead was last exported (for
// "only the leads not yet exported"); and the export log, which also records erasures and
// retention clean-ups by their count alone, never whose lead it was.
constexpr const char* kVersion3 = R"sql(
ALTER TABLE leads ADD COLUMN rating TEXT NOT NULL DEFAULT '';
ALTER TABLE leads ADD COLUMN staff_notes TEXT NOT NULL DEFAULT '';
ALTER TABLE leads ADD COLUMN follow_up TEXT NOT NULL DEFAULT '';
ALTER TABLE leads ADD COLUMN exported_utc TEXT NOT NULL DEFAULT '';
CREATE TABLE export_log (
  id INTEGER PRIMARY KEY,
  at_utc TEXT NOT NULL,
  kind TEXT NOT NULL,
  format TEXT NOT NULL DEFAULT '',
  file TEXT NOT NULL DEFAULT '',
  leads INTEGER NOT NULL DEFAULT 0,
  outcome TEXT NOT NULL DEFAULT ''
);
)sql";

constexpr Migration kMigrations[] = {
    {1, "leads, lead products and counters tables", kVersion1},
    {2, "indexes for newest-first lists and per-product counts", kVersion2},
    {3, "staff ratings, notes, follow-up, export marks and the export log", kVersion3},
};

std::optional<Error> applyStep(sqlite3* db, const std::string& file, const Migration& step) {
  const std::string what =
      fmt::format("migrating to schema version {} ({})", step.version, step.what);
  auto transaction = Transaction::begin(db, file);
  if (!transaction) return transaction.error();
  // Read again inside the write transaction: another process may have migrated meanwhile.
  auto version = schemaVersion(db, file);
  if (!version) return version.error();
  if (version.value() >= step.version) return std::nullopt;
  if (auto error = execute(db, file, step.sql, what)) return error;
  // PRAGMA takes no bound parameters; the version is our own constant.
  const std::string setVersion = fmt::format("PRAGMA user_version = {}", step.version);
  if (auto error = execute(db, file, setVersion.c_str(), what)) return error;
  return transaction.value().commit();
}

}  // namespace

std::span<const Migration> leadMigrations() { return kMigrations; }

int latestSchemaVersion() { return kMigrations[std::size(kMigrations) - 1].version; }

Result<int> schemaVersion(sqlite3* db, const std::string& file) {
  auto statement = Statement::prepare(db, file, "PRAGMA user_version");
  if (!statement) return statement.error();
  auto row = statement.value().step("reading the schema version");
  if (!row) return row.error();
  return row.value() ? static_cast<int>(statement.value().integer(0)) : 0;
}

std::optional<Error> migrate(sqlite3* db, const std::string& file, std::span<const Migration> steps,
                             std::optional<int> targetVersion) {
  const int known = steps.empty() ? 0 : steps.back().version;
  const int target = targetVersion.value_or(known);
  auto version = schemaVersion(db, file);
  if (!version) return version.error();
  if (version.value() > known) {
    return Error{file, fmt::format("the lead database has schema version {}, newer than the {} "
                                   "this kiosk knows; update the kiosk software to open it",
                                   version.value(), known)};
  }
  for (const Migration& step : steps) {
    if (step.version <= version.value() || step.version > target) continue;
    if (auto error = applyStep(db, file, step)) return error;
  }
  return std::nullopt;
}

}  // namespace etalase::leads
