// Owning handles for SQLite connections and statements, and SQLite failures as Errors that name
// the database file, what was being done and SQLite's own message. Never put a bound value (a
// visitor's name, e-mail...) into an Error: only the operation and SQLite's text, which does not
// quote values. One thread at a time per connection.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "media/error.h"

namespace etalase::leads {

struct SqliteCloser {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
struct StatementFinalizer {
  void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
};
using SqlitePtr = std::unique_ptr<sqlite3, SqliteCloser>;
using StatementPtr = std::unique_ptr<sqlite3_stmt, StatementFinalizer>;

// "<what>: <sqlite message> (<code name>)" at `file`.
Error sqliteError(sqlite3* db, const std::string& file, std::string_view what);
// The primary result code of the last failure on `db` (SQLITE_FULL, SQLITE_READONLY...).
int lastPrimaryCode(sqlite3* db);

// Runs SQL without values (schema, BEGIN/COMMIT, pragmas with constant arguments).
[[nodiscard]] std::optional<Error> execute(sqlite3* db, const std::string& file, const char* sql,
                                           std::string_view what);

// A prepared statement with values bound by position (1-based). A failed bind is kept and
// reported by the next step().
class Statement {
 public:
  static Result<Statement> prepare(sqlite3* db, const std::string& file, std::string_view sql,
                                   std::string_view what = "preparing a statement");

  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, std::int64_t value);
  // true: a row is ready; false: done. Resets the statement first if it had finished.
  Result<bool> step(std::string_view what);
  // Runs to completion, ignoring rows; then resets and clears the bindings.
  [[nodiscard]] std::optional<Error> run(std::string_view what);
  void reset();

  std::string text(int column) const;  // 0-based
  std::int64_t integer(int column) const;

 private:
  Statement(sqlite3* db, const std::string& file, StatementPtr statement)
      : m_db(db), m_file(file), m_statement(std::move(statement)) {}

  sqlite3* m_db;
  std::string m_file;
  StatementPtr m_statement;
  int m_bindFailure = SQLITE_OK;
  bool m_done = false;
};

// BEGIN IMMEDIATE now; ROLLBACK when destroyed unless commit() succeeded. SQLite may already have
// rolled back after SQLITE_FULL or an I/O error: then there is nothing left to undo.
class Transaction {
 public:
  static Result<Transaction> begin(sqlite3* db, const std::string& file);
  Transaction(Transaction&& other) noexcept
      : m_db(std::exchange(other.m_db, nullptr)), m_file(std::move(other.m_file)) {}
  Transaction& operator=(Transaction&&) = delete;
  ~Transaction();
  [[nodiscard]] std::optional<Error> commit();

 private:
  Transaction(sqlite3* db, const std::string& file) : m_db(db), m_file(file) {}
  sqlite3* m_db;
  std::string m_file;
};

}  // namespace etalase::leads
