// Raw SQLite access for the lead store's tests: a connection without LeadStore, one number read.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>

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

}  // namespace etalase::leads::test_sql
