// The lead database's schema, as an ordered list of migration steps numbered by
// `PRAGMA user_version`. A database at version N gets every step above N, each in its own
// transaction together with the new user_version, so a power cut leaves it at N or N+1, never in
// between. A database newer than the last step is refused (an older kiosk must not write into a
// schema it does not know).
//
// To add columns (the staff columns of the next issue): append a step, never edit one that has
// shipped, e.g. {3, "staff notes", "ALTER TABLE leads ADD COLUMN staff_note TEXT NOT NULL
// DEFAULT '';"} and add the field to Lead and kLeadTextFields.
#pragma once

#include <sqlite3.h>

#include <optional>
#include <span>
#include <string>

#include "media/error.h"

namespace etalase::leads {

struct Migration {
  int version;       // user_version after this step: 1, 2, 3... with no gaps
  const char* what;  // for errors, e.g. "leads and counters tables"
  const char* sql;   // may hold several statements; no values from outside
};

// The kiosk's steps, oldest first.
std::span<const Migration> leadMigrations();
int latestSchemaVersion();

Result<int> schemaVersion(sqlite3* db, const std::string& file);

// Brings the database up to `targetVersion` (default: the last step) with `steps`.
[[nodiscard]] std::optional<Error> migrate(sqlite3* db, const std::string& file,
                                           std::span<const Migration> steps = leadMigrations(),
                                           std::optional<int> targetVersion = std::nullopt);

}  // namespace etalase::leads
