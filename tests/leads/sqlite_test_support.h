// Raw SQLite access for the lead store's tests: a connection without LeadStore, one number read.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>

#include "kiosk/leads/lead_store.h"
#include "kiosk/leads/store_sqlite.h"

namespace etalase::leads::test_sql {

inline SqlitePtr openRaw(const std::filesystem::path& file) {
  sqlite3* raw = nullptr;
  EXPECT_EQ(sqlite3_open_v2(file.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr), SQLITE_OK);
  return SqlitePtr(raw);
}

// The first column of the first row, or -1 (and a test failure) when the query fails.
inline std::int64_t queryNumber(sqlite3* db, const char* sql) {
  auto statement = Statement::prepare(db, "test.db", sql);
  if (!statement) {
    ADD_FAILURE() << statement.error().text();
    return -1;
  }
  auto row = statement.value().step("query");
  return row && row.value() ? statement.value().integer(0) : -1;
}

// A lead as an older kiosk wrote it, with one product: `insertSql` is that version's statement,
// binding ?1 uuid, ?2 created_utc, ?3 name and ?4 email.
inline void insertOldLead(sqlite3* db, const std::filesystem::path& file, const char* insertSql, const Lead& lead) {
  auto insert = Statement::prepare(db, file.string(), insertSql);
  ASSERT_TRUE(insert) << insert.error().text();
  ASSERT_FALSE(insert.value().bind(1, lead.uuid).bind(2, lead.createdUtc).bind(3, lead.name).bind(4, lead.email).run("insert"));
  ASSERT_FALSE(execute(db, file.string(), "INSERT INTO lead_products VALUES (1, 0, 'bamboo-basket')", "insert"));
}

}  // namespace etalase::leads::test_sql
