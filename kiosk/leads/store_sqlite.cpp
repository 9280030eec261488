#include "kiosk/leads/store_sqlite.h"

#include <fmt/format.h>

namespace etalase::leads {

Error sqliteError(sqlite3* db, const std::string& file, std::string_view what) {
  const int code = db ? sqlite3_extended_errcode(db) : SQLITE_CANTOPEN;
  const char* message = db ? sqlite3_errmsg(db) : "out of memory";
  const std::string_view name = sqlite3_errstr(code);
  if (name == message) return Error{file, fmt::format("{}: {}", what, message)};
  return Error{file, fmt::format("{}: {} ({})", what, message, name)};
}

int lastPrimaryCode(sqlite3* db) { return sqlite3_extended_errcode(db) & 0xff; }

std::optional<Error> execute(sqlite3* db, const std::string& file, const char* sql,
                             std::string_view what) {
  if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK) {
    return sqliteError(db, file, what);
  }
  return std::nullopt;
}

Result<Statement> Statement::prepare(sqlite3* db, const std::string& file, std::string_view sql,
                                     std::string_view what) {
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &raw, nullptr) !=
      SQLITE_OK) {
    sqlite3_finalize(raw);
    return sqliteError(db, file, what);
  }
  return Statement(db, file, StatementPtr(raw));
}

Statement& Statement::bind(int index, std::string_view text) {
  // SQLITE_TRANSIENT: SQLite copies the bytes, so the caller's string may go away.
  const int rc = sqlite3_bind_text64(m_statement.get(), index, text.data(), text.size(),
                                     SQLITE_TRANSIENT, SQLITE_UTF8);
  if (rc != SQLITE_OK && m_bindFailure == SQLITE_OK) m_bindFailure = rc;
  return *this;
}

Statement& Statement::bind(int index, std::int64_t value) {
  const int rc = sqlite3_bind_int64(m_statement.get(), index, value);
  if (rc != SQLITE_OK && m_bindFailure == SQLITE_OK) m_bindFailure = rc;
  return *this;
}

Result<bool> Statement::step(std::string_view what) {
  if (m_bindFailure != SQLITE_OK) {
    const int code = std::exchange(m_bindFailure, SQLITE_OK);
    return Error{m_file, fmt::format("{}: binding a value: {}", what, sqlite3_errstr(code))};
  }
  if (m_done) reset();
  const int rc = sqlite3_step(m_statement.get());
  if (rc == SQLITE_ROW) return true;
  m_done = true;
  if (rc == SQLITE_DONE) return false;
  Error error = sqliteError(m_db, m_file, what);
  sqlite3_reset(m_statement.get());
  return error;
}

std::optional<Error> Statement::run(std::string_view what) {
  for (;;) {
    auto row = step(what);
    if (!row) {
      reset();
      sqlite3_clear_bindings(m_statement.get());
      return row.error();
    }
    if (!row.value()) break;
  }
  reset();
  sqlite3_clear_bindings(m_statement.get());
  return std::nullopt;
}

void Statement::reset() {
  sqlite3_reset(m_statement.get());
  m_done = false;
}

std::string Statement::text(int column) const {
  const auto* bytes = sqlite3_column_text(m_statement.get(), column);
  const int size = sqlite3_column_bytes(m_statement.get(), column);
  return bytes ? std::string(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(size))
               : std::string();
}

std::int64_t Statement::integer(int column) const {
  return sqlite3_column_int64(m_statement.get(), column);
}

Result<Transaction> Transaction::begin(sqlite3* db, const std::string& file) {
  if (auto error = execute(db, file, "BEGIN IMMEDIATE", "starting a transaction")) return *error;
  return Transaction(db, file);
}

Transaction::~Transaction() {
  if (m_db && !sqlite3_get_autocommit(m_db)) {
    sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
  }
}

std::optional<Error> Transaction::commit() {
  if (auto error = execute(m_db, m_file, "COMMIT", "committing")) return error;
  m_db = nullptr;
  return std::nullopt;
}

}  // namespace etalase::leads
